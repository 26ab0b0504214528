using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Tests.Support;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Dsl.Tests.Language;

public sealed class ParserTests
{
    [Fact]
    public void Parses_many_functions_with_and_without_annotations_comments_and_imports()
    {
        const string text = """"
            from dsl import *
            from constants import *

            # a comment
            def solve_a(I):
                x1 = rot90(I)   # trailing comment
                O = x1
                return O


            def verify_b(I: Grid) -> Grid:
                """docstring"""
                x0 = rbind(shift, UNITY)
                x1 = x0(I)
                return x1
            """";
        var parsed = ProgramParser.Parse(text, "f.py");
        Assert.Empty(parsed.Errors);
        Assert.Equal(["solve_a", "verify_b"], parsed.Functions.Select(f => f.Name));
        var b = parsed.Functions[1];
        Assert.Equal("Grid", b.Parameters[0].Annotation);
        Assert.Equal("Grid", b.ReturnAnnotation);
        Assert.Equal("b", b.TaskId);
        var call = Assert.IsType<CallExpr>(b.Body[1].Value);
        Assert.Equal("x0", Assert.IsType<NameExpr>(call.Callee).Name);
    }

    [Fact]
    public void Accepts_nested_calls_negative_literals_and_calls_spanning_lines()
    {
        const string text = "def p_x(I):\n    O = shift(asobject(I),\n              astuple(-1, 2))\n    return O\n";
        var f = ProgramParser.ParseFunction(text);
        var outer = Assert.IsType<CallExpr>(f.Body[0].Value);
        var inner = Assert.IsType<CallExpr>(outer.Args[1]);
        Assert.Equal(-1, Assert.IsType<IntExpr>(inner.Args[0]).Value);
    }

    [Theory]
    [InlineData("def p_x(I):\n    O = rot90(I\n    return O\n", 2, 14, "never closed")]
    [InlineData("def p_x(I):\n    O = rot90(I))\n    return O\n", 2, 17, "unmatched ')'")]
    [InlineData("def p_x(I):\n    O = rot90(I) + 1\n    return O\n", 2, 18, "unexpected character '+'")]
    [InlineData("def p_x(I):\n    O rot90(I)\n    return O\n", 2, 7, "expected '='")]
    [InlineData("def p_x(I):\n    O = rot90(I)\n", 1, 5, "has no return")]
    [InlineData("def p_x(I, J):\n    return I\n", 1, 5, "exactly one parameter")]
    [InlineData("def p_x(I):\n    return I\n    O = I\n", 3, 5, "statement after return")]
    [InlineData("def p_x(I):\n    for x in I:\n    return I\n", 2, 5, "'for' is not supported")]
    public void Errors_name_line_and_column(string text, int line, int column, string message)
    {
        var parsed = ProgramParser.Parse(text, "bad.py");
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(("bad.py", line, column), (error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message);
        Assert.Empty(parsed.Functions);
    }

    [Fact]
    public void Hostile_nesting_is_an_error_not_a_stack_overflow()
    {
        var nested = string.Concat(Enumerable.Repeat("rot90(", 200_000)) + "I" + new string(')', 200_000);
        var parsed = ProgramParser.Parse($"def p_x(I):\n    O = {nested}\n    return O\n", "deep.py");
        Assert.Contains("nested more than 64 deep", Assert.Single(parsed.Errors).Message);
        Assert.Empty(parsed.Functions);
    }

    [Fact]
    public void Hostile_chains_of_calls_of_calls_are_an_error_not_a_stack_overflow()
    {
        var chained = "x1" + string.Concat(Enumerable.Repeat("(I)", 200_000));
        var parsed = ProgramParser.Parse($"def p_x(I):\n    x1 = rbind(identity, I)\n    O = {chained}\n    return O\n", "deep.py");
        Assert.Contains("nested more than 64 deep", Assert.Single(parsed.Errors).Message);
        Assert.Equal(3, parsed.Errors[0].Line);
    }

    [Fact]
    public void A_broken_function_is_reported_by_name_and_the_others_are_kept()
    {
        var parsed = ProgramParser.Parse("def good_a(I):\n    return I\n\ndef bad_b(I):\n    O = (\n    return O\n\ndef good_c(I):\n    return I\n");
        Assert.Equal(["good_a", "good_c"], parsed.Functions.Select(f => f.Name));
        Assert.Equal("bad_b", Assert.Single(parsed.Broken).Name);
    }

    [Fact]
    public void A_def_line_with_an_error_is_reported_under_its_name()
    {
        var parsed = ProgramParser.Parse("def two_a(I, J):\n    O = rot90(I)\n    return O\n\ndef one_b(I):\n    return I\n", "f.py");
        Assert.Equal(["one_b"], parsed.Functions.Select(f => f.Name));
        var broken = Assert.Single(parsed.Broken);
        Assert.Equal("two_a", broken.Name);
        var error = Assert.Single(broken.Diagnostics);
        Assert.Equal((1, 5), (error.Line, error.Column));
        Assert.Contains("exactly one parameter", error.Message);
        Assert.Equal([error], parsed.Errors);
    }

    [Fact]
    public void A_def_line_without_a_name_is_an_error_and_its_body_is_skipped()
    {
        var parsed = ProgramParser.Parse("def (I):\n    O = rot90(I) +\n    return O\n\ndef one_b(I):\n    return I\n", "f.py");
        Assert.Equal(["one_b"], parsed.Functions.Select(f => f.Name));
        Assert.Empty(parsed.Broken);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal((1, 5), (error.Line, error.Column));
        Assert.Contains("expected a function name, found '('", error.Message);
    }

    [Theory]
    [InlineData("def f_a(I):\n    return I\n\ndef f_a(I):\n    O = (\n    return O\n", false)]
    [InlineData("def f_a(I):\n    O = (\n    return O\n\ndef f_a(I):\n    return I\n", true)]
    public void The_last_definition_of_a_name_wins_broken_or_not(string text, bool lastIsGood)
    {
        var parsed = ProgramParser.Parse(text);
        Assert.Equal(lastIsGood ? ["f_a"] : [], parsed.Functions.Select(f => f.Name));
        Assert.Equal(lastIsGood ? [] : ["f_a"], parsed.Broken.Select(b => b.Name));
    }

    [Fact]
    public void Skips_docstrings_in_every_quoting()
    {
        const string text = """"
            def p_x(I):
                """
                Spans lines, with rot90( and # inside.
                """
                'single quotes'
                "double quotes"
                x1 = rot90(I)
                return x1
            """";
        var f = ProgramParser.ParseFunction(text);
        Assert.Equal("x1", Assert.Single(f.Body).Target);
        Assert.Equal(7, f.Body[0].At.Line);
    }

    [Fact]
    public void An_integer_out_of_range_is_an_error_at_its_position()
    {
        var error = Assert.Single(ProgramParser.Parse("def p_x(I):\n    O = upscale(I, 99999999999)\n    return O\n").Errors);
        Assert.Equal((2, 20), (error.Line, error.Column));
        Assert.Contains("99999999999 is out of range", error.Message);
    }

    [Fact]
    public void ParseFunction_throws_with_every_error_of_the_text()
    {
        var e = Assert.Throws<ProgramException>(() => ProgramParser.ParseFunction("def p_x(I):\n    x1 = rot90(I))\n    x2 = ;\n    return x2\n", "p.py"));
        Assert.Equal([2, 3], e.Diagnostics.Select(d => d.Line));
        Assert.Contains("p.py:2:", e.Message);
    }

    [Fact]
    public void Printing_then_parsing_gives_the_same_programs()
    {
        var parsed = ProgramParser.Parse(File.ReadAllText(TestData.File("handwritten.py")), "handwritten.py");
        Assert.Empty(parsed.Errors);
        var printed = ProgramPrinter.Print(parsed.Functions);
        var again = ProgramParser.Parse(printed, "printed.py");
        Assert.Equal(parsed.Functions.Count, again.Functions.Count);
        Assert.All(parsed.Functions.Zip(again.Functions), p => Assert.True(p.First.SameAs(p.Second), p.First.Name));
        Assert.Equal(printed, ProgramPrinter.Print(again.Functions));
        Assert.Contains("def rotate_6150a2bd(I: Grid) -> Grid:", printed);
    }
}
