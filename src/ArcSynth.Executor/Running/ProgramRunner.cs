using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Executor.Running;

/// <summary>Runs a compiled program on one input under limits, turning every failure into an outcome.</summary>
public static class ProgramRunner
{
    /// <summary>The longest error text kept in an outcome.</summary>
    private const int MaxErrorLength = 200;

    public static ExampleOutcome Run(CompiledProgram program, Grid input, Limits limits) => Run(program, input, limits, [], []);

    /// <summary>The same, resuming after the <paramref name="known"/> values of its first lines and recording each line's value in <paramref name="lines"/>.</summary>
    public static ExampleOutcome Run(CompiledProgram program, Grid input, Limits limits, ReadOnlySpan<Value> known, Span<Value?> lines)
    {
        using var scope = limits.Enter();
        try
        {
            var result = program.Run(input, known, lines);
            return Grid.TryFrom(result) is { } grid
                ? new ExampleOutcome(ExampleStatus.Ok, grid, null)
                : new ExampleOutcome(ExampleStatus.NotAGrid, null, "not a grid");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var status = RunError.KindOf(e) switch
            {
                "TimeoutError" => ExampleStatus.Timeout,
                "LimitExceeded" or "RecursionError" or "MemoryError" => ExampleStatus.LimitExceeded,
                _ => ExampleStatus.Error,
            };
            return new ExampleOutcome(status, null, Shorten(RunError.Describe(e)));
        }
    }

    /// <summary>An outcome for a program that never ran (it did not parse or type-check).</summary>
    public static ExampleOutcome NotRun(string reason) => new(ExampleStatus.Error, null, Shorten(reason));

    private static string Shorten(string text) => text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
}
