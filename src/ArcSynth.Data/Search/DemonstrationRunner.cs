using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Running;
using ArcSynth.Executor.Scoring;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Data.Search;

/// <summary>
/// Runs programs on one task's demonstration inputs and scores them; only a program that gets every
/// demonstration right, and the final attempts, also run on the test inputs (never reading their outputs),
/// under <paramref name="testLimits"/>; every program runs on the demonstrations under
/// <paramref name="limits"/>. An edited program resumes from its parent's values for the lines the
/// edit left as they were.
/// </summary>
internal sealed class DemonstrationRunner(ArcTask task, PrimitiveRegistry registry, Limits limits, Limits testLimits)
{
    private readonly Grid[] _inputs = task.Train.Select(e => e.Input).ToArray();
    private readonly Grid[] _expected = task.Train.Select(e => e.Output ?? throw new ArgumentException($"task {task.Id}: a demonstration has no output")).ToArray();
    private readonly Grid[] _testInputs = task.Test.Select(e => e.Input).ToArray();
    private readonly DemonstrationInvariants _invariants = new(task);
    private int _created;

    /// <summary>
    /// The program run and scored, or null when it does not compile. An edit (not <paramref name="fromPool"/>)
    /// comes from <see cref="ProgramEditor"/>, which type-checked it against the same registry.
    /// </summary>
    public SearchCandidate? Run(FunctionDef program, bool fromPool, SearchCandidate? parent = null)
    {
        CompiledProgram compiled;
        try { compiled = fromPool ? CompiledProgram.Compile(program, registry) : CompiledProgram.CompileChecked(program, registry); }
        catch (ProgramException) { return null; }
        if (parent is { Lines: null }) RunAgain(parent);
        var (train, lines, score, behaviour) = Execute(program, compiled, parent);
        // Programs that get every demonstration right all behave alike there; what they do on the
        // test inputs (their outputs are not looked at) tells them apart, and gives the attempts.
        ExampleOutcome[]? test = null;
        if (score.SolvesDemonstrations)
        {
            test = _testInputs.Select(input => ProgramRunner.Run(compiled, input, testLimits)).ToArray();
            foreach (var o in test) behaviour = Mix(behaviour, o);
        }
        return new SearchCandidate(_created++, program, compiled, fromPool, train, lines, score, behaviour)
        {
            Test = test,
            Answers = test is not null && test.Select((o, k) => o.Output is { } answer && _invariants.Admits(_testInputs[k], answer)).All(x => x),
        };
    }

    /// <summary>
    /// A pool program as an earlier search of this task ran it (<see cref="PoolMemo"/>), numbered as if
    /// run now, so that ties of score break as they did.
    /// </summary>
    public SearchCandidate Recall(FunctionDef program, PoolRun run) =>
        new(_created++, program, CompiledProgram.Compile(program, registry), fromPool: true, train: null, lines: null, run.Score, run.Behaviour)
        {
            Test = run.Test,
            Answers = run.Answers,
        };

    /// <summary>What <see cref="PoolMemo"/> keeps of a pool program's run.</summary>
    public static PoolRun Remember(SearchCandidate candidate) => new(candidate.Score, candidate.Behaviour, candidate.Test, candidate.Answers);

    /// <summary>The program's outcomes on the demonstrations, run again where they were not kept (a program recalled from <see cref="PoolMemo"/>).</summary>
    public ExampleOutcome[] OnDemonstrations(SearchCandidate candidate)
    {
        if (candidate.Train is null) RunAgain(candidate);
        return candidate.Train!;
    }

    /// <summary>Runs a program whose outcomes or line values were let go on the demonstrations again, keeping both.</summary>
    private void RunAgain(SearchCandidate candidate) => (candidate.Train, candidate.Lines, _, _) = Execute(candidate.Program, candidate.Compiled, null);

    /// <summary>
    /// The program on every demonstration: its outcomes, each line's values (where its lines are its
    /// steps), its score and the hash of its outputs, resuming from <paramref name="parent"/>'s values
    /// for the first lines the two have in common.
    /// </summary>
    private (ExampleOutcome[] Train, Value?[][] Lines, ProgramScore Score, ulong Behaviour) Execute(FunctionDef program, CompiledProgram compiled, SearchCandidate? parent)
    {
        var flat = IsFlat(program);
        var same = parent?.Lines is { Length: > 0 } && flat ? SamePrefix(parent.Program, program) : 0;
        var train = new ExampleOutcome[_inputs.Length];
        var lines = new Value?[flat ? _inputs.Length : 0][];
        var exact = 0;
        var distance = 0.0;
        var behaviour = 14695981039346656037UL;
        ExampleOutcome? failed = null;
        for (var e = 0; e < _inputs.Length; e++)
        {
            if (failed is not null)
            {
                // A program that ran out of time or raised an error on one demonstration nearly always does so
                // on the rest too: the rest count as the same failure, not run. Hard tasks spent most of their
                // search waiting out slow edits on each demonstration in turn. Of 894,443 edits on the first 100
                // evaluation tasks, 365,364 raised an error, 343,208 on every demonstration (and 1,230 got
                // another one right), and each throw walks up the stack: exception dispatch was 18% of the
                // search's time. On the 400 tasks at 9,600 this took 14% less CPU and solved 56 against 55.
                train[e] = failed;
                if (flat) lines[e] = [];
            }
            else
            {
                Span<Value?> values = flat ? lines[e] = new Value?[program.Body.Count] : [];
                var known = same == 0 ? 0 : Known(parent!.Lines![e], same);
                // Lines known on this input are never null: the null-forgiving cast only restates that.
                var knownValues = known == 0 ? ReadOnlySpan<Value>.Empty : new ReadOnlySpan<Value>((Value[])parent!.Lines![e]!, 0, known);
                train[e] = ProgramRunner.Run(compiled, _inputs[e], limits, knownValues, values);
                if (train[e].Status is ExampleStatus.Timeout or ExampleStatus.Error) failed = train[e];
            }
            if (train[e].Matches(_expected[e])) exact++;
            distance += GridDistance.Relative(train[e].Output, _inputs[e], _expected[e]);
            behaviour = Mix(behaviour, train[e]);
        }
        var score = new ProgramScore(exact, _inputs.Length, _inputs.Length == 0 ? 1 : distance / _inputs.Length, program.Body.Count + 1);
        return (train, lines, score, behaviour);
    }

    /// <summary>The program's outcomes on the test inputs (their outputs are not looked at here).</summary>
    public ExampleOutcome[] OnTestInputs(SearchCandidate candidate) =>
        candidate.Test ??= _testInputs.Select(input => ProgramRunner.Run(candidate.Compiled, input, testLimits)).ToArray();

    /// <summary>One outcome folded into a behaviour's hash (FNV-1a over the output's hash, or the status where there is no grid).</summary>
    private static ulong Mix(ulong behaviour, ExampleOutcome outcome) => (behaviour ^ (ulong)(outcome.Output?.Hash ?? (long)outcome.Status)) * 1099511628211UL;

    /// <summary>Whether each line is one call over plain names (or a copy), so that line k is step k of the compiled program.</summary>
    private static bool IsFlat(FunctionDef program) =>
        program.Body.All(a => a.Value is NameExpr || a.Value is CallExpr { Callee: NameExpr } c && c.Args.All(x => x is not CallExpr));

    /// <summary>How many first lines the two programs have in common.</summary>
    private static int SamePrefix(FunctionDef a, FunctionDef b)
    {
        var k = 0;
        while (k < a.Body.Count && k < b.Body.Count && a.Body[k].SameAs(b.Body[k])) k++;
        return k;
    }

    /// <summary>Of the first <paramref name="count"/> lines, how many the parent computed on this input (none where it was not run there).</summary>
    private static int Known(Value?[] values, int count)
    {
        var k = 0;
        while (k < count && k < values.Length && values[k] is not null) k++;
        return k;
    }
}
