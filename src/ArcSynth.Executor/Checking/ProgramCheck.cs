using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Executor.Running;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Executor.Checking;

/// <summary>
/// Runs every function named <c>&lt;anything&gt;_&lt;taskid&gt;</c> on all train and test inputs of its
/// task, through the batch executor. A function that does not parse or type-check gets its reason as
/// the error of each of its task's examples; a program that fails on an example gets that example's
/// error; nothing stops the check. A task counts as solved when its program is right on every example.
/// </summary>
public static class ProgramCheck
{
    public static CheckReport Run(ParsedFile programs, IReadOnlyDictionary<string, ArcTask> tasks, PrimitiveRegistry registry, Limits limits, int threads)
    {
        var warnings = programs.Errors.Where(e => programs.Broken.All(b => !b.Diagnostics.Contains(e))).Select(e => e.ToString()).ToList();
        var outcomes = new Dictionary<string, (ArcTask Task, IReadOnlyList<ExampleOutcome> Train, IReadOnlyList<ExampleOutcome> Test)>(StringComparer.Ordinal);
        foreach (var name in programs.Functions.Select(f => f.Name).Concat(programs.Broken.Select(b => b.Name)))
        {
            var id = name[(name.LastIndexOf('_') + 1)..];
            if (!tasks.ContainsKey(id)) warnings.Add($"{programs.File}: {name} names task '{id}', which is not among the tasks given");
        }
        foreach (var broken in programs.Broken.Where(b => tasks.ContainsKey(b.Name[(b.Name.LastIndexOf('_') + 1)..])))
        {
            var task = tasks[broken.Name[(broken.Name.LastIndexOf('_') + 1)..]];
            var notRun = ProgramRunner.NotRun(string.Join("; ", broken.Diagnostics));
            outcomes[broken.Name] = (task, task.Train.Select(_ => notRun).ToList(), task.Test.Select(_ => notRun).ToList());
        }
        // A later function of the same name replaced an earlier one when parsing; a broken one that
        // came later is reported as broken, as Python would fail on it.
        var executor = new BatchExecutor(registry, limits, threads, cacheCapacity: 0);
        foreach (var result in executor.RunOnOwnTasks(programs.Functions.Where(f => !outcomes.ContainsKey(f.Name)).ToList(), tasks))
            foreach (var p in result.Ranked)
                foreach (var name in p.Aliases.Prepend(p.Program))
                    outcomes[name] = (result.Task, p.Train, p.Test);

        var lines = new List<CheckLine>();
        var solved = 0;
        foreach (var (name, (task, train, test)) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var all = true;
            foreach (var (split, examples, results) in new[] { ("train", task.Train, train), ("test", task.Test, test) })
            {
                for (var k = 0; k < examples.Count; k++)
                {
                    var correct = results[k].Matches(examples[k].Output);
                    all &= correct;
                    lines.Add(new CheckLine(name, task.Id, split, k, results[k].Output, results[k].Error, correct));
                }
            }
            if (all) solved++;
        }
        return new CheckReport(lines, solved, outcomes.Count, warnings);
    }
}
