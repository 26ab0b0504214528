using System.Collections.Concurrent;
using System.Diagnostics;

namespace ArcSynth.Cluster.Tests;

/// <summary>
/// One <c>arcsynth</c> process (a server, a worker or a single-process run) started from the
/// repository root, as ./arcsynth starts it, with every line it prints kept for the test to wait on.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private NodeProcess(Process process) => _process = process;

    public static string RepositoryRoot { get; } = FindRoot();

    public static NodeProcess Start(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "arcsynth.dll");
        var info = new ProcessStartInfo("dotnet", ["exec", cli, .. args])
        {
            WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var node = new NodeProcess(Process.Start(info)!);
        node._process.OutputDataReceived += (_, e) => { if (e.Data is { } line) node._lines.Enqueue(line); };
        node._process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) node._lines.Enqueue(line); };
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        return node;
    }

    public IReadOnlyCollection<string> Lines => _lines;

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    /// <summary>Waits (at most <paramref name="timeout"/>) for a line that <paramref name="match"/> accepts; returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } line) return line;
            if (clock.Elapsed > timeout || _process.HasExited)
                throw new TimeoutException($"no line {what} after {clock.Elapsed.TotalSeconds:F0} s (exited: {_process.HasExited}); it printed:\n{Output}");
            await Task.Delay(10);
        }
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process ends at once, as a crashed machine's would.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ArcSynth.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no ArcSynth.sln above {AppContext.BaseDirectory}");
    }
}
