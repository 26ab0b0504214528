using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Dsl.Tests.Support;

/// <summary>Short ways to build values, programs and real ARC tasks in tests.</summary>
internal static class Build
{
    /// <summary>A grid from rows separated by ';' and cells by spaces: <c>Grid("1 2;3 4")</c>.</summary>
    public static Grid Grid(string rows) =>
        ArcSynth.Dsl.Values.Grid.FromRows(rows.Split(';').Select(r => (IReadOnlyList<int>)r.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList()).ToList());

    public static Pair P(int a, int b) => Pair.Of(a, b);

    /// <summary>A frozenset built by adding the items in order, as <c>frozenset(generator)</c> does.</summary>
    public static FrozenSetValue Set(params Value[] items) => FrozenSetValue.Of(items);

    public static CompiledProgram Program(string text) =>
        CompiledProgram.Compile(ProgramParser.ParseFunction(text), PrimitiveRegistry.BuiltIn);

    /// <summary>A task of ARC-AGI-1's training set, from the real data.</summary>
    public static ArcTask Task(string id) => ArcTaskLoader.LoadFile(Path.Combine(ArcData.Folder("arc-agi-1", "training"), id + ".json"));

    /// <summary>Whether the program is right on every train and test pair of the task.</summary>
    public static bool Solves(CompiledProgram program, ArcTask task) =>
        task.Train.Concat(task.Test).All(e => program.Run(e.Input).Equals(e.Output));
}
