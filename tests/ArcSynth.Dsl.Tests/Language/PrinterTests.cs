using ArcSynth.Dsl.Language.Syntax;

namespace ArcSynth.Dsl.Tests.Language;

public sealed class PrinterTests
{
    [Fact]
    public void Prints_in_arc_dsl_style_two_blank_lines_apart_keeping_annotations_only_where_written()
    {
        const string text = """
            from dsl import *

            def plain_a(I):
              x1=hmirror( I )    # odd spacing, two-space indent
              O = vconcat(I,x1)
              return O
            def typed_b(I: Grid) -> Grid:
                return I
            """;
        const string expected = """
            def plain_a(I):
                x1 = hmirror(I)
                O = vconcat(I, x1)
                return O


            def typed_b(I: Grid) -> Grid:
                return I

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), ProgramPrinter.Print(ProgramParser.Parse(text).Functions));
    }

    [Fact]
    public void Prints_nested_calls_negative_literals_and_calls_of_variables()
    {
        var f = ProgramParser.ParseFunction("def p_x(I):\n    x1 = rbind(shift, astuple(-3, 0))\n    O = x1(  asobject(I) )\n    return O\n");
        Assert.Equal("def p_x(I):\n    x1 = rbind(shift, astuple(-3, 0))\n    O = x1(asobject(I))\n    return O\n", ProgramPrinter.Print(f));
        Assert.Equal("rbind(shift, astuple(-3, 0))", ProgramPrinter.Print(f.Body[0].Value));
    }

    [Theory]
    [InlineData("def a_1(I):\n    return I\n")]
    [InlineData("def b_2(I: Grid) -> Grid:\n    x0 = objects(I, T, F, T)\n    x1 = argmax(x0, size)\n    x2 = subgrid(x1, I)\n    return x2\n")]
    [InlineData("def c_3(I):\n    x1 = fork(combine, identity, rot90)\n    x2 = x1(I)\n    x2 = apply(last, x2)\n    O = upscale(x2, 2)\n    return O\n")]
    [InlineData("def d_4(I):\n    O = canvas(NEG_ONE, add(shape(I), -1))\n    return O\n")]
    [InlineData("def e_5(I):\n    x1 = compose(size, palette)\n    O = x1\n    return x1(I)\n")]
    public void Printing_then_parsing_gives_the_same_program_and_printing_is_a_fixpoint(string text)
    {
        var parsed = ProgramParser.ParseFunction(text);
        var printed = ProgramPrinter.Print(parsed);
        var again = ProgramParser.ParseFunction(printed);
        Assert.True(again.SameAs(parsed));
        Assert.Equal(printed, ProgramPrinter.Print(again));
        Assert.Equal(text, printed);
    }

    [Fact]
    public void Structural_equality_ignores_positions_but_not_content()
    {
        var a = ProgramParser.ParseFunction("def p_x(I):\n    O = rot90(I)\n    return O\n");
        var spaced = ProgramParser.ParseFunction("\n\ndef p_x(I):\n\n    O = rot90( I )\n    return O\n");
        var other = ProgramParser.ParseFunction("def p_x(I):\n    O = rot180(I)\n    return O\n");
        var typed = ProgramParser.ParseFunction("def p_x(I: Grid):\n    O = rot90(I)\n    return O\n");
        Assert.True(a.SameAs(spaced));
        Assert.False(a.SameAs(other));
        Assert.False(a.SameAs(typed));
    }
}
