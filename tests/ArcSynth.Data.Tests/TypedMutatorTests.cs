using ArcSynth.Data.Mutation;
using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Data.Tests;

public sealed class TypedMutatorTests
{
    private static readonly IReadOnlyList<FunctionDef> Seeds =
        ProgramParser.Parse(File.ReadAllText(TestData.File("handwritten.py")), "handwritten.py").Functions;

    private static List<FunctionDef> Mutants(int seed, MutationWeights weights)
    {
        var mutator = new TypedMutator(PrimitiveRegistry.BuiltIn, weights);
        var random = new Random(seed);
        return Seeds.SelectMany(f => Enumerable.Range(0, 10).Select(k => mutator.Mutate(f, $"m{k}_{f.TaskId}", random))).OfType<FunctionDef>().ToList();
    }

    [Fact]
    public void Mutants_parse_type_check_and_differ_from_their_seed()
    {
        var mutator = new TypedMutator(PrimitiveRegistry.BuiltIn, new MutationWeights());
        var random = new Random(7);
        var count = 0;
        foreach (var seed in Seeds)
        {
            for (var k = 0; k < 10; k++)
            {
                if (mutator.Mutate(seed, $"m{k}_{seed.TaskId}", random) is not { } m) continue;
                count++;
                Assert.True(ProgramParser.ParseFunction(ProgramPrinter.Print(m)).SameAs(m));
                Assert.Empty(TypeChecker.Check(m, PrimitiveRegistry.BuiltIn));
                Assert.False(seed.SameAs(m with { Name = seed.Name }), $"{m.Name} equals its seed");
            }
        }
        Assert.True(count > Seeds.Count * 5, $"only {count} mutants");
    }

    [Fact]
    public void The_same_seed_gives_the_same_mutants()
    {
        Assert.Equal(ProgramPrinter.Print(Mutants(3, new MutationWeights())), ProgramPrinter.Print(Mutants(3, new MutationWeights())));
        Assert.NotEqual(ProgramPrinter.Print(Mutants(3, new MutationWeights())), ProgramPrinter.Print(Mutants(4, new MutationWeights())));
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(0, 0, 1)]
    public void Each_kind_of_move_alone_yields_well_typed_mutants(double argument, double primitive, double redefine)
    {
        var mutants = Mutants(11, new MutationWeights(argument, primitive, redefine));
        Assert.NotEmpty(mutants);
        Assert.All(mutants, m => Assert.Empty(TypeChecker.Check(m, PrimitiveRegistry.BuiltIn)));
    }

    [Fact]
    public void The_type_lattice_reads_arc_dsls_vocabulary()
    {
        Assert.True(TypeLattice.IsAssignable(DslType.Object, DslType.Patch));
        Assert.True(TypeLattice.IsAssignable(DslType.Object, DslType.Container));
        Assert.True(TypeLattice.IsAssignable(DslType.Grid, DslType.Piece));
        Assert.True(TypeLattice.IsAssignable(DslType.Integer, DslType.Numerical));
        Assert.True(TypeLattice.IsAssignable(DslType.Callable, DslType.Any));
        Assert.False(TypeLattice.IsAssignable(DslType.Patch, DslType.Object));
        Assert.False(TypeLattice.IsAssignable(DslType.Grid, DslType.FrozenSet));
        Assert.False(TypeLattice.IsAssignable(DslType.Any, DslType.Integer));
    }
}
