using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Cli.Output;

/// <summary>A loop's progress as one redrawn line per phase on the error stream: a bar, counts, and the phase's detail.</summary>
internal sealed class ProgressLine(TextWriter error) : IProgress<LoopProgress>
{
    private (int, string)? _phase;

    public void Report(LoopProgress p)
    {
        lock (error)
        {
            if (_phase is { } phase && phase != (p.Iteration, p.Phase)) error.WriteLine();
            _phase = (p.Iteration, p.Phase);
            var label = p.Iteration < 0 ? p.Phase : $"iteration {p.Iteration} {p.Phase}";
            error.Write($"\r{Bar(p.Done, p.Total)} {label} {p.Done}/{p.Total} {p.Detail}".PadRight(100));
        }
    }

    /// <summary>Ends the current line.</summary>
    public void Finish()
    {
        if (_phase is not null) error.WriteLine();
        _phase = null;
    }

    public static string Bar(int done, int total)
    {
        const int width = 24;
        var filled = total <= 0 ? 0 : (int)((long)width * Math.Clamp(done, 0, total) / total);
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }
}
