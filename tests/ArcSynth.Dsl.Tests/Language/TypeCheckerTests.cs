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
    // Python makes a name assigned anywhere in a function local to all of it (UnboundLocalError).
    [InlineData("    x1 = rot90(I)\n    x2 = shift(x1, UNITY)\n    shift = x2\n    return shift\n", 3, 10, "'shift' is used before it is assigned")]
    [InlineData("    x1 = rot90(I)\n    return x2\n", 3, 12, "unknown name 'x2'")]
    // rbind and lbind of an n-ary function take n - 1 arguments; of a 1-ary one, 3 (arc-dsl's co_argcount rule).
    [InlineData("    x1 = rbind(fill, ONE)\n    O = x1(I)\n    return O\n", 3, 11, "takes 2 arguments, but 1 is given")]
    [InlineData("    x1 = lbind(canvas, ZERO)\n    x2 = lbind(x1, UNITY)\n    O = x2(I)\n    return O\n", 4, 11, "takes 3 arguments, but 1 is given")]
    [InlineData("    x1 = fork(hconcat, identity, rot90)\n    O = x1(I, I)\n    return O\n", 3, 11, "takes 1 argument, but 2 are given")]
    [InlineData("    x1 = chain(size, palette, rot90)\n    O = x1()\n    return O\n", 3, 11, "takes 1 argument, but 0 are given")]
    [InlineData("    x1 = matcher(size, ONE)\n    x2 = rot90\n    O = x2(x1, I)\n    return O\n", 4, 11, "takes 1 argument, but 2 are given")]
    [InlineData("    O = UNITY(I)\n    return O\n", 2, 14, "'UNITY' (constant UNITY) is a tuple, not a function")]
    [InlineData("    O = rot90(size(I))\n    return O\n", 2, 15, "'size(I)' is an int")]
    [InlineData("    O = add(I, palette(I))\n    return O\n", 2, 16, "argument 2 of add (b: Numerical) must be an int or a tuple")]
    [InlineData("    O = upscale(I, 2)\n    x1 = size(O)\n    return x1(I)\n", 4, 14, "not a function")]
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
    // power(f, 1) returns f itself, whatever f is: its result's kind is not assumed, nor the arity f is called with.
    [InlineData("    x1 = power(rot90, ONE)\n    O = x1(I)\n    return O\n")]
    [InlineData("    x1 = power(upscale, ONE)\n    O = x1(I, TWO)\n    return O\n")]
    // apply calls its function only on the container's items: over an empty one, any function runs.
    [InlineData("    x1 = objects(I, T, F, T)\n    x2 = sizefilter(x1, 100)\n    x3 = apply(fill, x2)\n    O = canvas(ZERO, UNITY)\n    return O\n")]
    // a variable may shadow a primitive name.
    [InlineData("    shift = rot90(I)\n    O = rot90(shift)\n    return O\n")]
    // maximum of a tuple returns an element: its declared Integer is loose.
    [InlineData("    x1 = apply(shape, I)\n    x2 = maximum(x1)\n    O = canvas(ZERO, x2)\n    return O\n")]
    // integer literals, nested calls, a closure of known arity called with that many arguments.
    [InlineData("    x1 = rbind(fill, ofcolor(I, 3))\n    O = x1(I, -1)\n    return O\n")]
    // calling what may be a function is left to run time.
    [InlineData("    x1 = astuple(rot90, hmirror)\n    x2 = first(x1)\n    O = x2(I)\n    return O\n")]
    // booleans are ints and T/F may go where an int is expected.
    [InlineData("    x1 = even(FOUR)\n    x2 = add(x1, T)\n    O = upscale(I, x2)\n    return O\n")]
    // a variable may take a constant's or a primitive's name when the function uses it only as a variable.
    [InlineData("    ONE = rot90(I)\n    hmirror = vmirror(ONE)\n    return hmirror\n")]
    public void Accepts_programs_CPython_runs(string body) => Assert.Empty(Check(body));

    [Fact]
    public void Accepts_every_handwritten_program()
    {
        var parsed = ProgramParser.Parse(File.ReadAllText(TestData.File("handwritten.py")), "handwritten.py");
        Assert.All(parsed.Functions, f => Assert.Empty(TypeChecker.Check(f, PrimitiveRegistry.BuiltIn)));
    }
}
