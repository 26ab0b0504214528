using ArcSynth.Dsl.Registry;
using ArcSynth.Model.Tokenization;

namespace ArcSynth.Model.Decoding;

/// <summary>
/// The program language as the sampler may write it, token by token: lines
/// <c>xK = primitive ( arg , ... ) \n</c> with K = 1, 2, ... in order, then <c>return xN</c>. Each
/// argument is a name whose type the parameter accepts (<see cref="TypeLattice"/>: the input,
/// earlier variables, constants, or a primitive where a function is wanted), a primitive is offered
/// only when every one of its parameters can be filled, and <c>return</c> names a Grid-typed
/// variable (the last line allowed gives one when none exists yet). So every
/// completed program parses and type-checks, no prefix is a dead end, and a program ends within
/// <see cref="MaxLines"/> lines. Built once from a vocabulary and a registry; <see cref="Start"/>
/// gives a fresh state per sampled stream.
/// </summary>
public sealed class ProgramGrammar
{
    internal readonly Vocabulary Vocabulary;
    internal readonly PrimitiveRegistry Registry;
    internal readonly int[] PrimitiveIds;
    internal readonly Dictionary<int, int> PrimitiveById = [];
    /// <summary>
    /// Per parameter type, and for a function the number of arguments it is called with (<see cref="Parameter.Calls"/>, null
    /// where any): the constant and primitive tokens that may fill it whatever the scope.
    /// </summary>
    internal readonly Dictionary<(DslType Type, int? Calls), int[]> FixedCandidates = [];
    internal readonly int Assign, Open, Close, Comma, Newline, Return, Input;
    internal readonly int[] Variables;

    public ProgramGrammar(Vocabulary vocabulary, PrimitiveRegistry registry, int maxLines = 16)
    {
        if (maxLines < 1 || maxLines > Vocabulary.MaxVariables) throw new ArgumentOutOfRangeException(nameof(maxLines), $"between 1 and {Vocabulary.MaxVariables}");
        Vocabulary = vocabulary;
        Registry = registry;
        MaxLines = maxLines;
        PrimitiveIds = registry.All.Select(p => vocabulary.Id(p.Name)).ToArray();
        for (var i = 0; i < PrimitiveIds.Length; i++) PrimitiveById[PrimitiveIds[i]] = i;
        foreach (var type in Enum.GetValues<DslType>())
            FixedCandidates[(type, null)] = DslConstants.All.Where(c => TypeLattice.IsAssignable(c.Type, type)).Select(c => vocabulary.Id(c.Name))
                .Concat(type == DslType.Callable ? PrimitiveIds : [])
                .ToArray();
        foreach (var calls in registry.All.SelectMany(p => p.Signature.Parameters).Select(p => p.Calls).OfType<int>().Distinct())
            FixedCandidates[(DslType.Callable, calls)] = PrimitiveIds.Where((_, i) => registry.All[i].Arity == calls).ToArray();
        (Assign, Open, Close, Comma, Newline, Return, Input) =
            (vocabulary.Id("="), vocabulary.Id("("), vocabulary.Id(")"), vocabulary.Id(","), vocabulary.Id("\n"), vocabulary.Id("return"), vocabulary.Id("I"));
        Variables = Enumerable.Range(1, maxLines).Select(k => vocabulary.Id($"x{k}")).ToArray();
    }

    public int MaxLines { get; }

    public DecodingState Start() => new(this);

    /// <summary>
    /// A state that writes one line's value, for infilling: <paramref name="before"/> (the program's
    /// tokens up to the line's <c>xK =</c>) is read first, so that the value is drawn over the names in
    /// scope there with their types, and the state completes at the line's end. Null when those tokens
    /// do not follow the grammar (more lines than <see cref="MaxLines"/>, a name used where its type does not fit).
    /// </summary>
    public DecodingState? Line(IEnumerable<int> before)
    {
        var state = new DecodingState(this);
        try
        {
            foreach (var token in before) state.Advance(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
        if (!state.AtValue) return null;
        state.EndWithLine();
        return state;
    }
}
