using ArcSynth.Data.Generation;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Compression;

/// <summary>
/// Looks for a shorter program with the same outputs on every input of a task (train and test
/// inputs): repeatedly bypasses one line (its uses read one of its arguments instead) and drops the
/// lines nothing reads any more, keeping a candidate only when its outputs are unchanged. Greedy,
/// shortest first; stops when no single bypass helps.
/// </summary>
public sealed class Compressor(BatchExecutor executor)
{
    /// <summary>The shortest equivalent program found (the program itself when none is shorter).</summary>
    public FunctionDef Compress(FunctionDef program, ArcTask task, CancellationToken cancellation = default)
    {
        var reference = Outputs(executor.Run([program], [task], cancellation)[0].Ranked[0]);
        if (reference.Any(o => o is null)) return program;
        var best = DeadCode.Prune(program);
        while (true)
        {
            var candidates = Bypasses(best).Select((c, i) => c with { Name = $"c{i}_{task.Id}" }).ToList();
            if (candidates.Count == 0) return best;
            var result = executor.Run(candidates, [task], cancellation)[0];
            var shorter = result.Ranked
                .Where(r => Outputs(r).SequenceEqual(reference))
                .Select(r => candidates.First(c => c.Name == r.Program))
                .Where(c => c.Body.Count < best.Body.Count)
                .OrderBy(c => c.Body.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (shorter is null) return best;
            best = shorter with { Name = program.Name };
        }
    }

    private static List<Grid?> Outputs(ProgramOnTask r) => r.Train.Concat(r.Test).Select(o => o.Output).ToList();

    /// <summary>For each line and each name among its call's arguments: the program with that line's uses reading the name, pruned.</summary>
    private static IEnumerable<FunctionDef> Bypasses(FunctionDef f)
    {
        for (var i = 0; i < f.Body.Count; i++)
        {
            if (f.Body[i].Value is not CallExpr call) continue;
            var target = f.Body[i].Target;
            foreach (var name in call.Args.OfType<NameExpr>().Select(n => n.Name).Distinct())
            {
                var body = f.Body.Take(i).Concat(f.Body.Skip(i + 1).Select(a => a with { Value = Rename(a.Value, target, name) })).ToList();
                yield return DeadCode.Prune(f with { Body = body, Result = Rename(f.Result, target, name) });
            }
        }
    }

    private static Expr Rename(Expr e, string from, string to) => e switch
    {
        NameExpr n when n.Name == from => n with { Name = to },
        CallExpr c => c with { Callee = Rename(c.Callee, from, to), Args = c.Args.Select(a => Rename(a, from, to)).ToList() },
        _ => e,
    };
}
