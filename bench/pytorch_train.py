#!/usr/bin/env python3
"""The PyTorch counterpart of `arcsynth model bench`'s training measurement.

Same architecture as src/ArcSynth.Model/Transformer/Gpt.cs (GPT-2 layout: pre-norm blocks, causal
multi-head attention, GELU (tanh) MLP of 4C, learned positions, output head tied to the token
embedding, logits only at the scored positions), same shapes (random sequences of --seq-len tokens,
the last --scored scored, --batch sequences per step, one sequence per forward as ArcSynth does),
AdamW with gradient clipping, on --threads CPU threads. Prints train_tokens_per_s=N.

Needs Debian's python3-torch (apt-get install python3-torch); run with /usr/bin/python3.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.qkv = nn.Linear(c, 3 * c)
        self.proj = nn.Linear(c, c)


class Mlp(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.fc = nn.Linear(c, 4 * c)
        self.proj = nn.Linear(4 * c, c)


class Block(nn.Module):
    """Parameter names match ArcSynth's checkpoints: h.L.ln_1, h.L.attn.qkv, h.L.attn.proj, h.L.ln_2, h.L.mlp.fc, h.L.mlp.proj."""

    def __init__(self, c, heads):
        super().__init__()
        self.heads = heads
        self.ln_1 = nn.LayerNorm(c)
        self.attn = Attention(c)
        self.ln_2 = nn.LayerNorm(c)
        self.mlp = Mlp(c)

    def forward(self, x):
        t, c = x.shape
        q, k, v = self.attn.qkv(self.ln_1(x)).split(c, dim=1)
        hs = c // self.heads
        q, k, v = (z.view(t, self.heads, hs).transpose(0, 1) for z in (q, k, v))
        # Written out: Debian's torch 1.13 has no scaled_dot_product_attention.
        scores = (q @ k.transpose(1, 2)) / math.sqrt(hs)
        mask = torch.ones(t, t, dtype=torch.bool).tril()
        y = scores.masked_fill(~mask, float("-inf")).softmax(dim=-1) @ v
        x = x + self.attn.proj(y.transpose(0, 1).reshape(t, c))
        return x + self.mlp.proj(F.gelu(self.mlp.fc(self.ln_2(x)), approximate="tanh"))


class Gpt(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        c = cfg["n_embd"]
        self.wte = nn.Embedding(cfg["vocab_size"], c)
        self.wpe = nn.Embedding(cfg["n_positions"], c)
        self.h = nn.ModuleList(Block(c, cfg["n_head"]) for _ in range(cfg["n_layer"]))
        self.ln_f = nn.LayerNorm(c)

    def forward(self, tokens, first_target):
        t = tokens.shape[0]
        x = self.wte(tokens) + self.wpe(torch.arange(t))
        for block in self.h:
            x = block(x)
        x = self.ln_f(x)
        logits = x[first_target - 1:t - 1] @ self.wte.weight.T
        return F.cross_entropy(logits, tokens[first_target:], reduction="sum")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", help="a model config.json (default: ArcSynth's default model, vocabulary 388)")
    parser.add_argument("--seq-len", type=int, default=512)
    parser.add_argument("--scored", type=int, default=64)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    cfg = {"vocab_size": 388, "n_positions": 1280, "n_embd": 128, "n_layer": 4, "n_head": 4}
    if args.config:
        with open(args.config) as f:
            cfg.update(json.load(f))
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    model = Gpt(cfg)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.95), weight_decay=0.1)
    data = [torch.randint(cfg["vocab_size"], (args.seq_len,)) for _ in range(args.batch)]
    first = args.seq_len - args.scored

    def step():
        optimizer.zero_grad(set_to_none=False)
        for seq in data:
            (model(seq, first) / (args.scored * args.batch)).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()

    step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    elapsed = time.perf_counter() - start
    params = sum(p.numel() for p in model.parameters())
    print(f"torch={torch.__version__} threads={args.threads} params={params}")
    print(f"train: seq_len={args.seq_len} scored={args.scored} batch={args.batch}")
    print(f"train_tokens_per_s={args.seq_len * args.batch * args.steps / elapsed:.0f}")


if __name__ == "__main__":
    main()
