#!/usr/bin/env python3
"""Loads an ArcSynth checkpoint folder into the PyTorch model of pytorch_train.py, as the files are.

Reads config.json and model.safetensors (parsing the safetensors header itself, since the
`safetensors` package is not needed for F32 tensors), loads the weights with strict name and shape
checking, and prints the summed loss of the tokens given (the loss ArcSynth's Gpt.Forward returns
for the same tokens and first target), so the two implementations can be compared.

    /usr/bin/python3 bench/load_checkpoint.py HOME/runs/1/checkpoints/iteration-2 --tokens 3 9 12 40 51 --first-target 2
"""
import argparse
import json
import os
import struct

import torch

from pytorch_train import Gpt


def read_safetensors(path):
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length))
        data = f.read()
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        assert entry["dtype"] == "F32", f"{name}: dtype {entry['dtype']}"
        begin, end = entry["data_offsets"]
        tensors[name] = torch.frombuffer(bytearray(data[begin:end]), dtype=torch.float32).reshape(entry["shape"])
    return tensors


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--tokens", type=int, nargs="+", required=True)
    parser.add_argument("--first-target", type=int, required=True)
    args = parser.parse_args()
    with open(os.path.join(args.folder, "config.json")) as f:
        cfg = json.load(f)
    model = Gpt(cfg)
    model.load_state_dict(read_safetensors(os.path.join(args.folder, "model.safetensors")), strict=True)
    with torch.no_grad():
        loss = model(torch.tensor(args.tokens), args.first_target)
    print(f"params={sum(p.numel() for p in model.parameters())} loss={loss.item():.6f}")


if __name__ == "__main__":
    main()
