using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Tests.Values;

/// <summary>The deadline a run is kept to.</summary>
public sealed class LimitsTests
{
    private static readonly Limits FiftyMilliseconds = Limits.Default with { Timeout = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public void A_run_that_works_past_its_time_limit_times_out()
    {
        using (FiftyMilliseconds.Enter())
        {
            var state = Limits.State;
            Action spin = () => { for (;;) state.Step(); };
            var e = Assert.Throws<DslError>(spin);
            Assert.Equal("TimeoutError", e.PythonType);
        }
    }

    [Fact]
    public void On_Linux_the_deadline_counts_the_threads_own_time_not_the_time_it_waits_for_a_core()
    {
        // A busy machine (other processes, the other search threads, the collector) takes the run's core
        // for a while: it must not lose its time limit, or a search finds other programs under load.
        if (!OperatingSystem.IsLinux()) return;
        using (FiftyMilliseconds.Enter())
        {
            Thread.Sleep(200);
            var state = Limits.State;
            for (var i = 0; i < 1024; i++) state.Step();
        }
    }
}
