using ArcSynth.Data.Search.Enumeration;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Data.Tests;

/// <summary>Which primitives the enumeration calls, and which it passes as functions to them.</summary>
public sealed class ValueEnumeratorTests
{
    private static readonly ValueEnumerator Enumerator = new(PrimitiveRegistry.BuiltIn, Limits.Default, 25_000);

    private static PrimitiveFunction P(string name) =>
        PrimitiveRegistry.BuiltIn.TryGet(name, out var p) ? p : throw new ArgumentException($"no primitive {name}");

    [Fact]
    public void A_function_applied_to_pairs_of_items_takes_two_arguments_and_one_applied_to_items_takes_one()
    {
        // prapply(connect, x, x) draws the lines between the cells of x (dbc1a6ce); before, prapply, papply and
        // mpapply were passed one-argument primitives, and every such call failed.
        var pairwise = Enumerator.FunctionsFor(P("prapply"), 0, DslType.IntegerTuple).Select(f => f.Name).ToList();
        Assert.Contains("connect", pairwise);
        Assert.All(pairwise, name => Assert.Equal(2, P(name).Arity));
        var itemwise = Enumerator.FunctionsFor(P("mapply"), 0, DslType.Indices).Select(f => f.Name).ToList();
        Assert.Contains("backdrop", itemwise);
        Assert.DoesNotContain("connect", itemwise);
        Assert.All(itemwise, name => Assert.Equal(1, P(name).Arity));
        // The items must fit the first parameter: an integer is no patch.
        Assert.DoesNotContain("backdrop", Enumerator.FunctionsFor(P("apply"), 0, DslType.Integer).Select(f => f.Name));
    }

    [Fact]
    public void A_function_gives_what_the_primitive_uses_a_condition_to_filter_by_a_number_to_order_by_a_container_to_merge()
    {
        var conditions = Enumerator.FunctionsFor(P("sfilter"), 1, DslType.Object).ToList();
        Assert.Contains(conditions, f => f.Name == "vline");
        Assert.All(conditions, f => Assert.Contains(f.Signature.Returns, new[] { DslType.Boolean, DslType.Any }));
        var keys = Enumerator.FunctionsFor(P("argmax"), 1, DslType.Object).Select(f => f.Name).ToList();
        Assert.Contains("size", keys);
        Assert.DoesNotContain("vline", keys);
        var merged = Enumerator.FunctionsFor(P("mapply"), 0, DslType.IntegerTuple).Select(f => f.Name).ToList();
        Assert.Contains("neighbors", merged);
        Assert.DoesNotContain("double", merged);
        // apply keeps whatever the function gives.
        Assert.Contains("size", Enumerator.FunctionsFor(P("apply"), 0, DslType.Object).Select(f => f.Name));
    }

    [Fact]
    public void The_prior_counts_per_program_the_primitives_passed_to_each_parameter()
    {
        var seeds = ProgramParser.Parse(File.ReadAllText(TestData.SeedsFile), "training.py").Functions;
        var prior = new FunctionPrior(seeds);
        // largest_be94b721: x2 = argmax(x1, size).
        Assert.True(prior.Passes("argmax", 1, "size") >= 1);
        Assert.Equal(0, prior.Passes("argmax", 0, "size"));
        // A variable is not a primitive passed, whatever it holds (interior_50cb2852: mapply(x2, x1)).
        Assert.Equal(0, prior.Passes("mapply", 0, "x2"));
        var twice = ProgramParser.ParseFunction(
            "def twice(I):\n    x1 = ofcolor(I, ONE)\n    x2 = mapply(neighbors, x1)\n    x3 = mapply(neighbors, x2)\n    O = fill(I, TWO, x3)\n    return O\n");
        var once = new FunctionPrior([twice]);
        Assert.Equal(1, once.Passes("mapply", 0, "neighbors"));
        Assert.Equal(2, new FunctionPrior([twice, twice]).Passes("mapply", 0, "neighbors"));
    }

    [Fact]
    public void A_primitive_whose_container_holds_functions_is_not_called_for_the_enumeration_builds_none()
    {
        Assert.False(ValueEnumerator.Usable(P("rapply")));
        Assert.True(ValueEnumerator.Usable(P("prapply")));
        Assert.True(ValueEnumerator.Usable(P("apply")));
        Assert.False(ValueEnumerator.Usable(P("compose")));
    }
}
