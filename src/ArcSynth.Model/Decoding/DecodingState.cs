using ArcSynth.Dsl.Registry;
using ArcSynth.Model.Sampling;

namespace ArcSynth.Model.Decoding;

/// <summary>
/// Where one stream is in <see cref="ProgramGrammar"/>: the line being written, and the type of every
/// variable so far. A state for one line (<see cref="ProgramGrammar.Line"/>) completes at that line's end.
/// </summary>
public sealed class DecodingState : ITokenConstraint
{
    private enum Expect { LineStart, Equals, Callee, Open, Argument, AfterArgument, Newline, ReturnName, Done }

    private readonly ProgramGrammar _g;
    /// <summary>The type of I, then of x1, x2, ... (Any for a primitive whose result type is loose).</summary>
    private readonly List<DslType> _types = [DslType.Grid];
    private readonly List<int> _tokens = [];
    private Expect _expect = Expect.LineStart;
    private Signature? _callee;
    private int _argument;
    /// <summary>The types of the current line's arguments so far.</summary>
    private readonly List<DslType> _argumentTypes = [];

    /// <summary>Whether the stream writes one line's value only, and so ends with that line.</summary>
    private bool _oneLine;

    internal DecodingState(ProgramGrammar grammar) => _g = grammar;

    /// <summary>From here on the stream writes the current line alone: it completes at the line's end.</summary>
    internal void EndWithLine() => _oneLine = true;

    public IReadOnlyList<int> Tokens => _tokens;

    public bool IsComplete => _expect == Expect.Done;

    /// <summary>Whether a line's value (its primitive) comes next.</summary>
    internal bool AtValue => _expect == Expect.Callee;

    private int Lines => _types.Count - 1;

    public void AllowedTokens(Span<bool> mask)
    {
        mask.Clear();
        foreach (var id in Allowed()) mask[id] = true;
    }

    public void Advance(int token)
    {
        if (!Allowed().Contains(token))
            throw new ArgumentException($"token '{Show(token)}' may not follow '{string.Join(" ", _tokens.Select(Show))}'");
        _tokens.Add(token);
        switch (_expect)
        {
            case Expect.LineStart:
                _expect = token == _g.Return ? Expect.ReturnName : Expect.Equals;
                break;
            case Expect.Equals:
                _expect = Expect.Callee;
                break;
            case Expect.Callee:
                _callee = _g.Registry.All[_g.PrimitiveById[token]].Signature;
                _argument = 0;
                _argumentTypes.Clear();
                _expect = Expect.Open;
                break;
            case Expect.Open:
                _expect = _callee!.Arity == 0 ? Expect.AfterArgument : Expect.Argument;
                break;
            case Expect.Argument:
                _argumentTypes.Add(TypeOf(token));
                _argument++;
                _expect = Expect.AfterArgument;
                break;
            case Expect.AfterArgument:
                if (token == _g.Comma) _expect = Expect.Argument;
                else _expect = Expect.Newline;
                break;
            case Expect.Newline:
                _types.Add(ResultType());
                _expect = _oneLine ? Expect.Done : Expect.LineStart;
                break;
            case Expect.ReturnName:
                _expect = Expect.Done;
                break;
        }
    }

    /// <summary>
    /// The type of the line's value. arc-dsl's polymorphic primitives give back the kind they were
    /// given (hmirror of a Grid is a Grid, of an Object an Object): <see cref="TypeLattice.ResultOf"/>.
    /// </summary>
    private DslType ResultType() => _callee!.LooseResult ? DslType.Any : TypeLattice.ResultOf(_callee, _argumentTypes);

    private DslType TypeOf(int token)
    {
        if (token == _g.Input) return _types[0];
        var variable = Array.IndexOf(_g.Variables, token);
        if (variable >= 0) return _types[variable + 1];
        if (_g.PrimitiveById.ContainsKey(token)) return DslType.Callable;
        return DslConstants.TryGet(_g.Vocabulary.Token(token), out var constant) ? constant.Type : DslType.Any;
    }

    private string Show(int token) => token == _g.Newline ? "\\n" : _g.Vocabulary.Token(token);

    /// <summary>The tokens that may come next.</summary>
    private IEnumerable<int> Allowed()
    {
        switch (_expect)
        {
            case Expect.LineStart:
                if (Lines < _g.MaxLines) yield return _g.Variables[Lines];
                if (Returnable().Any()) yield return _g.Return;
                break;
            case Expect.Equals:
                yield return _g.Assign;
                break;
            case Expect.Callee:
                // The last line a program may have must give it a grid to return, unless one exists.
                var mustGiveGrid = !_oneLine && Lines == _g.MaxLines - 1 && !Returnable().Any();
                for (var i = 0; i < _g.PrimitiveIds.Length; i++)
                {
                    var s = _g.Registry.All[i].Signature;
                    if (mustGiveGrid && (s.LooseResult || !TypeLattice.IsAssignable(s.Returns, DslType.Grid))) continue;
                    if (s.Parameters.All(p => Candidates(p).Any())) yield return _g.PrimitiveIds[i];
                }
                break;
            case Expect.Open:
                yield return _g.Open;
                break;
            case Expect.Argument:
                foreach (var id in Candidates(_callee!.Parameters[_argument])) yield return id;
                break;
            case Expect.AfterArgument:
                yield return _argument < _callee!.Arity ? _g.Comma : _g.Close;
                break;
            case Expect.Newline:
                yield return _g.Newline;
                break;
            case Expect.ReturnName:
                foreach (var id in Returnable()) yield return id;
                break;
        }
    }

    /// <summary>The variables a program may return: those of a Grid type (not I: returning the input unchanged is never worth a sample).</summary>
    private IEnumerable<int> Returnable()
    {
        for (var k = 1; k < _types.Count; k++)
            if (TypeLattice.IsAssignable(_types[k], DslType.Grid))
                yield return _g.Variables[k - 1];
    }

    /// <summary>Tokens that may fill <paramref name="parameter"/>: names in scope, then constants and primitives (of the arity it is called with).</summary>
    private IEnumerable<int> Candidates(Parameter parameter) => Names(parameter.Type).Concat(_g.FixedCandidates[(parameter.Type, parameter.Calls)]);

    /// <summary>
    /// I and the variables so far that may stand where <paramref name="type"/> is wanted: of an
    /// assignable type, or of type Any (the result of first, last, extract, ...), which the type
    /// checker accepts anywhere and arc-dsl programs pass everywhere.
    /// </summary>
    private IEnumerable<int> Names(DslType type)
    {
        for (var k = 0; k < _types.Count; k++)
            if (_types[k] == DslType.Any || TypeLattice.IsAssignable(_types[k], type))
                yield return k == 0 ? _g.Input : _g.Variables[k - 1];
    }
}
