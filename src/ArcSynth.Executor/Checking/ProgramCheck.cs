using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Running;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Executor.Checking;

/// <summary>
/// Runs every function named <c>&lt;anything&gt;_&lt;taskid&gt;</c> on all train and test inputs of its
/// task. A function that does not parse or type-check gets its reason as the error of each of its
/// task's examples; a program that fails on an example gets that example's error; nothing stops the
/// check. A task counts as solved when its program is right on every example.
/// </summary>
public static class ProgramCheck
{
    public static CheckReport Run(ParsedFile programs, IReadOnlyDictionary<string, ArcTask> tasks, PrimitiveRegistry registry, Limits limits, int threads)
    {
        var warnings = new List<string>();
        var jobs = new List<(string Name, ArcTask Task, CompiledProgram? Program, string? Failure)>();
        foreach (var broken in programs.Broken)
            Add(broken.Name, null, string.Join("; ", broken.Diagnostics));
        foreach (var f in programs.Functions)
        {
            try { Add(f.Name, CompiledProgram.Compile(f, registry), null); }
            catch (ProgramException e) { Add(f.Name, null, string.Join("; ", e.Diagnostics)); }
        }
        foreach (var e in programs.Errors.Where(e => programs.Broken.All(b => !b.Diagnostics.Contains(e))))
            warnings.Add(e.ToString());

        void Add(string name, CompiledProgram? program, string? failure)
        {
            var id = name[(name.LastIndexOf('_') + 1)..];
            if (tasks.TryGetValue(id, out var task)) jobs.Add((name, task, program, failure));
            else warnings.Add($"{programs.File}: {name} names task '{id}', which is not among the tasks given");
        }

        jobs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var results = new CheckLine[jobs.Count][];
        Workers.For(jobs.Count, threads, i =>
        {
            var (name, task, program, failure) = jobs[i];
            var lines = new List<CheckLine>();
            foreach (var split in new[] { "train", "test" })
            {
                var examples = task.Split(split);
                for (var k = 0; k < examples.Count; k++)
                {
                    var outcome = program is null ? ProgramRunner.NotRun(failure!) : ProgramRunner.Run(program, examples[k].Input, limits);
                    lines.Add(new CheckLine(name, task.Id, split, k, outcome.Output, outcome.Error, outcome.Matches(examples[k].Output)));
                }
            }
            results[i] = [.. lines];
        });
        var solved = results.Count(lines => lines.All(l => l.Correct));
        return new CheckReport(results.SelectMany(l => l).ToList(), solved, jobs.Count, warnings);
    }
}
