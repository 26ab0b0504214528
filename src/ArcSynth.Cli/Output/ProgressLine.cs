using System.Diagnostics;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Cli.Output;

/// <summary>
/// Progress on the error stream. On a terminal, one line per phase redrawn in place: a bar, counts, and the
/// phase's detail. Written anywhere else (a log file, a pipe, a test's writer), plain lines instead, so that
/// <c>arcsynth run 2&gt;run.log</c> reads line by line: a phase's first and last report, and at most one every
/// <see cref="PlainEvery"/> between.
/// </summary>
internal sealed class ProgressLine(TextWriter error, bool terminal) : IProgress<LoopProgress>
{
    /// <summary>How often a plain line may repeat within a phase.</summary>
    public static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private object? _phase;
    private TimeSpan _shown;

    /// <summary>Progress on <paramref name="error"/>, redrawn in place when it is the console's error stream on a terminal.</summary>
    public static ProgressLine For(TextWriter error) => new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    public void Report(LoopProgress p)
    {
        var label = p.Iteration < 0 ? p.Phase : $"iteration {p.Iteration} {p.Phase}";
        Show((p.Iteration, p.Phase), $"{Bar(p.Done, p.Total)} {label} {p.Done}/{p.Total} {p.Detail}", last: p.Done >= p.Total);
    }

    /// <summary>Shows <paramref name="text"/>, where <paramref name="phase"/> stands; <paramref name="last"/>: the phase is done.</summary>
    public void Show(object phase, string text, bool last)
    {
        lock (error)
        {
            var next = _phase is not null && !_phase.Equals(phase);
            if (terminal)
            {
                if (next) error.WriteLine();
                _phase = phase;
                error.Write($"\r{text}".PadRight(100));
                return;
            }
            if (_phase is not null && !next && !last && _clock.Elapsed - _shown < PlainEvery) return;
            (_phase, _shown) = (phase, _clock.Elapsed);
            error.WriteLine(text);
        }
    }

    /// <summary>Ends the line being redrawn.</summary>
    public void Finish()
    {
        if (terminal && _phase is not null) error.WriteLine();
        _phase = null;
    }

    public static string Bar(int done, int total)
    {
        const int width = 24;
        var filled = total <= 0 ? 0 : (int)((long)width * Math.Clamp(done, 0, total) / total);
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }
}
