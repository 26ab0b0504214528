using System.Diagnostics;
using System.Globalization;

namespace ArcSynth.Cli.Benchmarks;

/// <summary>Runs bench/pytorch_train.py (the same architecture and shapes in PyTorch) and reads its train_tokens_per_s.</summary>
internal static class PyTorchBench
{
    public static double TrainTokensPerSecond(string? config, int t, int scored, int batch, int steps)
    {
        var script = Path.Combine(Environment.CurrentDirectory, "bench", "pytorch_train.py");
        if (!File.Exists(script)) throw new Commands.UsageException($"{script} not found: run from the repository root");
        List<string> args = [script, "--seq-len", $"{t}", "--scored", $"{scored}", "--batch", $"{batch}", "--steps", $"{steps}", "--threads", $"{Environment.ProcessorCount}"];
        if (config is not null) args.AddRange(["--config", config]);
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", args) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new Commands.UsageException("could not start /usr/bin/python3");
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("train_tokens_per_s=", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new Commands.UsageException($"bench/pytorch_train.py failed (exit {process.ExitCode}; apt-get install python3-torch): {stderr.Trim().Split('\n').LastOrDefault()}");
        return double.Parse(line["train_tokens_per_s=".Length..], CultureInfo.InvariantCulture);
    }
}
