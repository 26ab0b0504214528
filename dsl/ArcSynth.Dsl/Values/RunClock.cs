using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ArcSynth.Dsl.Values;

/// <summary>
/// The clock a run's deadline is kept on: the running thread's own CPU time where the system gives it (Linux), so
/// that a program's time limit does not shrink while other processes, other search threads or the collector hold
/// its core, and a search finds the same programs on a busy machine as on a quiet one; wall-clock time elsewhere.
/// </summary>
internal static class RunClock
{
    /// <summary>Linux's CLOCK_THREAD_CPUTIME_ID.</summary>
    private const int ThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Whether the thread's CPU time can be read here (tried once).</summary>
    private static readonly bool OnThreadTime = OperatingSystem.IsLinux() && Readable();

    /// <summary>Ticks of <see cref="Now"/> per second.</summary>
    public static long Frequency { get; } = OnThreadTime ? 1_000_000_000 : Stopwatch.Frequency;

    /// <summary>The calling thread's CPU time in nanoseconds, or else a wall-clock timestamp.</summary>
    public static long Now()
    {
        if (!OnThreadTime) return Stopwatch.GetTimestamp();
        ClockGetTime(ThreadCpuTime, out var t);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    private static bool Readable()
    {
        try { return ClockGetTime(ThreadCpuTime, out _) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }
}
