namespace ArcSynth.Dsl.Registry;

/// <summary>
/// Which of arc-dsl's types a value of another type may stand for, as the mutator, the generator
/// and the sampler's decoding mask read it: an Object is a Patch, a Piece, an Element, a FrozenSet
/// and a Container; an Integer is Numerical; everything is Any. Stricter than the type checker on
/// purpose: generated programs should be well typed, not merely not certain to fail.
/// </summary>
public static class TypeLattice
{
    private static readonly Dictionary<DslType, DslType[]> Parents = new()
    {
        [DslType.Boolean] = [DslType.Any],
        [DslType.Integer] = [DslType.Numerical],
        [DslType.IntegerTuple] = [DslType.Numerical, DslType.Tuple],
        [DslType.Numerical] = [DslType.Any],
        [DslType.IntegerSet] = [DslType.FrozenSet],
        [DslType.Grid] = [DslType.Piece, DslType.Element, DslType.TupleTuple],
        [DslType.Cell] = [DslType.Tuple],
        [DslType.Object] = [DslType.Patch, DslType.Element],
        [DslType.Indices] = [DslType.Patch],
        [DslType.Objects] = [DslType.FrozenSet, DslType.ContainerContainer],
        [DslType.IndicesSet] = [DslType.FrozenSet, DslType.ContainerContainer],
        [DslType.Patch] = [DslType.Piece, DslType.FrozenSet],
        [DslType.Element] = [DslType.Container],
        [DslType.Piece] = [DslType.Container],
        [DslType.TupleTuple] = [DslType.Tuple],
        [DslType.ContainerContainer] = [DslType.Container],
        [DslType.Container] = [DslType.Any],
        [DslType.Callable] = [DslType.Any],
        [DslType.FrozenSet] = [DslType.Container],
        [DslType.Tuple] = [DslType.Container],
        [DslType.Any] = [],
    };

    private static readonly HashSet<(DslType, DslType)> Closure = Build();

    /// <summary>
    /// Declared results that stand for several kinds where the primitive gives back the kind it was
    /// given: a mirror of a grid is a grid (Piece), a shifted object an object (Patch), an upscaled
    /// grid a grid (Element), an increment of an integer an integer (Numerical), a branch between two
    /// grids a grid (Any). A Container or Tuple result is not among them: apply, sfilter or papply over
    /// a grid give a tuple, not a grid.
    /// </summary>
    private static readonly HashSet<DslType> KindKeepingResults = [DslType.Piece, DslType.Patch, DslType.Element, DslType.Numerical, DslType.Any];

    /// <summary>
    /// The type of a call of <paramref name="signature"/> on arguments of <paramref name="argumentTypes"/>:
    /// where the declared result is one of <see cref="KindKeepingResults"/> and every parameter declared
    /// with that same type gets an argument of one narrower type, that type; otherwise the declared result.
    /// The sampling grammar types its lines by it; the search's edits keep the declared results, for
    /// typing them this way solved no more on the held-out half (README, The guided search).
    /// </summary>
    public static DslType ResultOf(Signature signature, IReadOnlyList<DslType> argumentTypes)
    {
        var declared = signature.Returns;
        if (!KindKeepingResults.Contains(declared)) return declared;
        DslType? common = null;
        for (var i = 0; i < signature.Arity && i < argumentTypes.Count; i++)
        {
            if (signature.Parameters[i].Type != declared) continue;
            if (common is { } c && c != argumentTypes[i]) return declared;
            common = argumentTypes[i];
        }
        return common is { } narrower && IsAssignable(narrower, declared) ? narrower : declared;
    }

    /// <summary>Whether a value of type <paramref name="value"/> may be passed where <paramref name="parameter"/> is expected.</summary>
    public static bool IsAssignable(DslType value, DslType parameter) => Closure.Contains((value, parameter));

    private static HashSet<(DslType, DslType)> Build()
    {
        var pairs = new HashSet<(DslType, DslType)>();
        foreach (var t in Enum.GetValues<DslType>())
        {
            var stack = new Stack<DslType>([t]);
            while (stack.Count > 0)
            {
                var u = stack.Pop();
                if (!pairs.Add((t, u))) continue;
                foreach (var p in Parents[u]) stack.Push(p);
            }
        }
        return pairs;
    }
}
