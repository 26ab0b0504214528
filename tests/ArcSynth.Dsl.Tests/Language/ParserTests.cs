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
    public void A_broken_function_is_reported_by_name_and_the_others_are_kept()
    {
        var parsed = ProgramParser.Parse("def good_a(I):\n    return I\n\ndef bad_b(I):\n    O = (\n    return O\n\ndef good_c(I):\n    return I\n");
        Assert.Equal(["good_a", "good_c"], parsed.Functions.Select(f => f.Name));
        Assert.Equal("bad_b", Assert.Single(parsed.Broken).Name);
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
