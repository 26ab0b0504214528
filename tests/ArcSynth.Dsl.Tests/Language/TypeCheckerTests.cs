using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Tests.Support;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Dsl.Tests.Language;

public sealed class TypeCheckerTests
{
    private static IReadOnlyList<Diagnostic> Check(string body) =>
        TypeChecker.Check(ProgramParser.ParseFunction("def p_x(I):\n" + body), PrimitiveRegistry.BuiltIn);

    [Theory]
    [InlineData("    O = rotate(I)\n    return O\n", 2, 9, "unknown name 'rotate'")]
    [InlineData("    O = rot90(x9)\n    return O\n", 2, 15, "unknown name 'x9'")]
    [InlineData("    x1 = rot90(x2)\n    x2 = I\n    return x1\n", 2, 16, "used before it is assigned")]
    [InlineData("    O = rot90(I, I)\n    return O\n", 2, 14, "rot90 takes 1 argument")]
    [InlineData("    x1 = size(I)\n    O = rot90(x1)\n    return O\n", 3, 15, "must be a tuple, but 'x1'")]
    [InlineData("    x1 = compose(rot90, rot90)\n    O = x1(I, I)\n    return O\n", 3, 11, "takes 1 argument, but 2 are given")]
    [InlineData("    x1 = rbind(shift, UNITY)\n    O = x1(I, I)\n    return O\n", 3, 11, "takes 1 argument")]
    [InlineData("    x1 = size(I)\n    O = x1(I)\n    return O\n", 3, 11, "not a function")]
    [InlineData("    O = FIVE(I)\n    return O\n", 2, 13, "not a function")]
    [InlineData("    O = crop(I, ONE, UNITY)\n    return O\n", 2, 17, "argument 2 of crop")]
    [InlineData("    x1 = asobject(I)\n    O = vconcat(x1, I)\n    return O\n", 3, 17, "must be a tuple")]
    public void Rejects_what_cannot_run_with_line_and_column(string body, int line, int column, string message)
    {
        var d = Assert.Single(Check(body));
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Contains(message, d.Message);
    }

    [Theory]
    [InlineData("    x1 = objects(I, T, F, T)\n    x2 = merge(x1)\n    O = paint(I, x2)\n    return O\n")]
    // paint takes any iterable of cells: a tuple of cells (merge of a tuple) runs in CPython.
    [InlineData("    x1 = asobject(I)\n    x2 = totuple(x1)\n    O = paint(I, x2)\n    return O\n")]
    // canvas stores its value without looking at it.
    [InlineData("    x1 = canvas(UNITY, UNITY)\n    return x1\n")]
    // power(f, 1) returns f itself, whatever f is: its result's kind is not assumed.
    [InlineData("    x1 = power(rot90, ONE)\n    O = x1(I)\n    return O\n")]
    // a variable may shadow a primitive name.
    [InlineData("    shift = rot90(I)\n    O = rot90(shift)\n    return O\n")]
    // maximum of a tuple returns an element: its declared Integer is loose.
    [InlineData("    x1 = apply(shape, I)\n    x2 = maximum(x1)\n    O = canvas(ZERO, x2)\n    return O\n")]
    public void Accepts_programs_CPython_runs(string body) => Assert.Empty(Check(body));

    [Fact]
    public void Accepts_every_handwritten_program()
    {
        var parsed = ProgramParser.Parse(File.ReadAllText(TestData.File("handwritten.py")), "handwritten.py");
        Assert.All(parsed.Functions, f => Assert.Empty(TypeChecker.Check(f, PrimitiveRegistry.BuiltIn)));
    }
}
