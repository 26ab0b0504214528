using ArcSynth.Dsl.Registry;

namespace ArcSynth.Dsl.Tests.Primitives;

public sealed class RegistryTests
{
    [Fact]
    public void Holds_arc_dsls_160_primitives_with_their_signatures()
    {
        var all = PrimitiveRegistry.BuiltIn.All;
        Assert.Equal(160, all.Count);
        Assert.Equal(160, all.Select(p => p.Name).Distinct().Count());
        Assert.Equal("shift(patch: Patch, directions: IntegerTuple) -> Patch", PrimitiveRegistry.BuiltIn.TryGet("shift", out var shift) ? shift.Signature.ToString() : "");
        Assert.Equal("objects(grid: Grid, univalued: Boolean, diagonal: Boolean, without_bg: Boolean) -> Objects",
            PrimitiveRegistry.BuiltIn.TryGet("objects", out var objects) ? objects.Signature.ToString() : "");
        Assert.All(all, p => Assert.False(string.IsNullOrWhiteSpace(p.Doc)));
    }

    [Fact]
    public void Marks_the_parameters_a_primitive_does_not_inspect()
    {
        Assert.True(PrimitiveRegistry.BuiltIn.TryGet("canvas", out var canvas));
        Assert.False(canvas.Signature.Parameters[0].Checked);
        Assert.True(canvas.Signature.Parameters[1].Checked);
        Assert.True(PrimitiveRegistry.BuiltIn.TryGet("branch", out var branch));
        Assert.All(branch.Signature.Parameters, p => Assert.False(p.Checked));
    }

    [Fact]
    public void A_new_version_keeps_every_existing_entry_and_its_position()
    {
        var builtIn = PrimitiveRegistry.BuiltIn;
        var added = PrimitiveRegistry.FromType(typeof(TestPrimitives));
        var next = builtIn.With(added);
        Assert.Equal(builtIn.Version + 1, next.Version);
        Assert.Equal(builtIn.All, next.All.Take(160));
        Assert.Equal("double_twice", next.All[^1].Name);
        Assert.Throws<ArgumentException>(() => next.With(added));
    }

    [Theory]
    [InlineData("f(a: Integer) -> Nonsense", "unknown type 'Nonsense'")]
    [InlineData("f(a) -> Integer", "has no type")]
    [InlineData("f a -> Integer", "is not of the form")]
    public void Bad_signatures_are_refused_with_the_reason(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => Signature.Parse(text)).Message);

    [Theory]
    [InlineData("g(f: Callable, x: Container) -> Container", "x:1", "'x:1' does not name a Callable parameter")]
    [InlineData("g(f: Callable, x: Container) -> Container", "h:1", "'h:1' does not name")]
    [InlineData("g(f: Callable, x: Container) -> Container", "f:one", "'f:one' does not name")]
    [InlineData("g(f: Callable, x: Container) -> Container", "f", "'f' does not name")]
    public void A_function_parameter_s_call_arity_must_name_a_function_parameter_and_a_number(string text, string calls, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => Signature.Parse(text, calls: [calls])).Message);

    [Fact]
    public void A_function_parameter_keeps_its_call_arity()
    {
        var s = Signature.Parse("g(f: Callable, x: Container) -> Container", calls: ["f:2"]);
        Assert.Equal([2, null], s.Parameters.Select(p => p.Calls));
    }

    private static class TestPrimitives
    {
        [Primitive("double_twice(n: Integer) -> Integer", "four times n")]
        public static ArcSynth.Dsl.Values.Value DoubleTwice(ArcSynth.Dsl.Values.Value n) =>
            ArcSynth.Dsl.Values.Int.Of(4 * ArcSynth.Dsl.Values.Py.AsInt(n));
    }
}
