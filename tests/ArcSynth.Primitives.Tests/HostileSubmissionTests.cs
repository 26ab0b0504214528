using ArcSynth.Dsl.Registry;
using ArcSynth.Primitives.Compiling;

namespace ArcSynth.Primitives.Tests;

/// <summary>Submissions that must be refused, at compile time with the reason and place, or when their examples run, without harming this process.</summary>
public sealed class HostileSubmissionTests
{
    /// <summary>A submission with one primitive whose body is <paramref name="body"/> and whose example calls it.</summary>
    private static string Primitive(string body, string members = "", string usings = "") => $$"""
        using ArcSynth.Dsl.Registry;
        using ArcSynth.Dsl.Values;
        {{usings}}
        public static class Hostile
        {
            {{members}}
            [Primitive("hostile(x: Integer) -> Integer", "a submission that misbehaves")]
            [Example("hostile(1)", "1")]
            public static Value Run(Value x)
            {
                {{body}}
            }
        }
        """;

    private static SubmissionResult Submit(string source) => SubmissionCompiler.Compile(source, "hostile.cs", PrimitiveRegistry.BuiltIn);

    private static void Refused(string source, string reason, int? line = null)
    {
        var result = Submit(source);
        Assert.False(result.Accepted, "a hostile submission was accepted");
        var error = result.Errors.FirstOrDefault(e => e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.True(error is not null, $"no error mentions '{reason}': {string.Join(" | ", result.Errors)}");
        Assert.Equal("hostile.cs", error.File);
        if (line is { } l) Assert.Equal(l, error.Line);
        // Each refusal once, however many nested nodes of one call it was found on.
        Assert.Equal(result.Errors.Distinct().Count(), result.Errors.Count);
    }

    [Fact]
    public void An_endless_loop_is_stopped_by_the_deadline() =>
        Refused(Primitive("while (true) { } "), "TimeoutError");

    [Fact]
    public void An_allocation_bomb_is_stopped_by_the_container_limit()
    {
        Refused(Primitive("var a = new long[int.MaxValue]; return x;"), "LimitExceeded");
        Refused(Primitive("var l = new System.Collections.Generic.List<int>(1 << 30); return x;"), "LimitExceeded");
        Refused(Primitive("var l = new System.Collections.Generic.List<int> { 1 }; while (true) l.AddRange(l);"), "LimitExceeded");
    }

    [Fact]
    public void Runaway_recursion_ends_in_a_recursion_error_not_a_crash()
    {
        Refused(Primitive("return Run(x);"), "RecursionError");
        Refused(Primitive("System.Func<int, int>? f = null; f = n => f!(n + 1); return Int.Of(f(0));"), "RecursionError");
    }

    [Fact]
    public void An_exception_storm_is_stopped_by_the_deadline() =>
        Refused(Primitive("while (true) { try { throw new System.InvalidOperationException(); } catch (System.InvalidOperationException) { } }"), "TimeoutError");

    [Fact]
    public void Reading_a_file_is_refused_at_its_line() =>
        Refused(Primitive("""var s = System.IO.File.ReadAllText("/etc/passwd"); return x;"""), "System.IO", line: 11);

    [Fact]
    public void Reflection_to_reach_a_forbidden_type_is_refused()
    {
        Refused(Primitive("""var t = x.GetType().Assembly.GetType("System.IO.File"); return x;"""), "reflection");
        Refused(Primitive("var t = typeof(string); return x;"), "typeof");
        Refused(Primitive("""var t = System.Type.GetType("System.IO.File"); return x;"""), "reflection");
    }

    [Fact]
    public void Static_state_randomness_clocks_environment_and_processes_are_refused()
    {
        Refused(Primitive("Calls++; return x;", "private static int Calls;"), "static field Calls");
        Refused(Primitive("return x;", "public static int Count { get; set; }"), "static property Count");
        Refused(Primitive("return Int.Of(new System.Random().Next());"), "randomness");
        Refused(Primitive("return Int.Of(System.DateTime.Now.Second);"), "clock");
        Refused(Primitive("""return Int.Of(System.Environment.GetEnvironmentVariable("HOME")!.Length);"""), "environment");
        Refused(Primitive("""System.Diagnostics.Process.Start("sh"); return x;"""), "System.Diagnostics");
        Refused(Primitive("new System.Threading.Thread(() => { }).Start(); return x;"), "System.Threading");
    }

    [Fact]
    public void Unsafe_code_and_pinvoke_are_refused()
    {
        Refused(Primitive("unsafe { int* p = null; } return x;"), "unsafe");
        Refused(Primitive("return x;", """[System.Runtime.InteropServices.DllImport("libc")] private static extern int getpid();"""), "extern");
    }

    [Fact]
    public void A_name_that_clashes_and_code_that_does_not_compile_are_refused_with_their_place()
    {
        Refused(Primitive("return x;").Replace("hostile(x: Integer)", "hmirror(x: Integer)").Replace("hostile(1)", "hmirror(1)"), "already a primitive");
        Refused(Primitive("return y;"), "CS0103", line: 11);
        Refused(Primitive("return Int.Of(2);"), "gave 2");
        Refused(Primitive("return x;").Replace("""[Example("hostile(1)", "1")]""", ""), "no [Example");
    }

    [Fact]
    public void The_process_survives_them_all_and_a_sound_submission_is_still_accepted()
    {
        var result = Submit(Primitive("return Int.Of(((Int)x).V * 1);"));
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        Assert.Equal("hostile", Assert.Single(result.Primitives).Name);
    }
}
