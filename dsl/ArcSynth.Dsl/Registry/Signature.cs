namespace ArcSynth.Dsl.Registry;

/// <summary>One parameter of a primitive: its name, its declared type, and whether the primitive inspects it.</summary>
/// <param name="Checked">
/// False for a parameter the primitive only stores, compares or passes on (canvas's value, branch's
/// arms, ...): CPython accepts any value there, so the type checker must too.
/// </param>
/// <param name="Calls">
/// For a function parameter, the number of arguments the primitive calls it with (apply's function: 1,
/// prapply's: 2, fork's outer: 2), where that is fixed; null otherwise. arc-dsl's annotations say only
/// <c>Callable</c>; a function of another arity raises as soon as it is called.
/// </param>
public sealed record Parameter(string Name, DslType Type, bool Checked, int? Calls = null)
{
    /// <summary>Whether <paramref name="function"/> may be passed here as a function: any where <see cref="Calls"/> is not fixed.</summary>
    public bool Takes(PrimitiveFunction function) => Calls is null || function.Arity == Calls;
}

/// <summary>A primitive's signature in arc-dsl's type vocabulary, e.g. <c>add(a: Numerical, b: Numerical) -> Numerical</c>.</summary>
/// <param name="LooseResult">
/// True when the value can be of another kind than <paramref name="Returns"/> says (arc-dsl's
/// annotations are sometimes looser than its code: maximum returns an element, index returns None
/// off the grid, mapply returns a tuple for a tuple): checkers and generators must not rely on it.
/// </param>
public sealed record Signature(string Name, IReadOnlyList<Parameter> Parameters, DslType Returns, bool LooseResult = false)
{
    public int Arity => Parameters.Count;

    /// <summary>
    /// Parses <c>name(p: Type, q: Type) -> Type</c>. Parameters named in <paramref name="unchecked"/>
    /// are marked as not inspected; Boolean parameters never are (Python tests any value's truth).
    /// <paramref name="calls"/> gives function parameters the number of arguments they are called with, as <c>"name:n"</c>.
    /// </summary>
    public static Signature Parse(string text, IReadOnlyCollection<string>? @unchecked = null, bool looseResult = false, IReadOnlyCollection<string>? calls = null)
    {
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        var arrow = text.IndexOf("->", close + 1, StringComparison.Ordinal);
        if (open <= 0 || close < open || arrow < 0)
            throw new FormatException($"signature '{text}' is not of the form name(p: Type, ...) -> Type");
        var name = text[..open].Trim();
        var inside = text[(open + 1)..close].Trim();
        var parameters = new List<Parameter>();
        if (inside.Length > 0)
        {
            foreach (var part in inside.Split(','))
            {
                var colon = part.IndexOf(':');
                if (colon < 0) throw new FormatException($"parameter '{part.Trim()}' of '{name}' has no type");
                var pname = part[..colon].Trim();
                var ptype = ParseType(part[(colon + 1)..].Trim(), text);
                var isChecked = ptype != DslType.Boolean && !(@unchecked?.Contains(pname) ?? false);
                parameters.Add(new Parameter(pname, ptype, isChecked));
            }
        }
        var unknown = @unchecked?.Where(u => parameters.All(p => p.Name != u)).ToList();
        if (unknown is { Count: > 0 })
            throw new FormatException($"'{name}' marks unknown parameters as unchecked: {string.Join(", ", unknown)}");
        foreach (var call in calls ?? [])
        {
            var colon = call.IndexOf(':');
            var k = colon < 0 ? -1 : parameters.FindIndex(p => p.Name == call[..colon].Trim());
            if (k < 0 || parameters[k].Type != DslType.Callable || !int.TryParse(call[(colon + 1)..], out var n) || n < 0)
                throw new FormatException($"'{name}': '{call}' does not name a Callable parameter and a number of arguments (\"function:1\")");
            parameters[k] = parameters[k] with { Calls = n };
        }
        return new Signature(name, parameters, ParseType(text[(arrow + 2)..].Trim(), text), looseResult);
    }

    private static DslType ParseType(string s, string context) =>
        Enum.TryParse<DslType>(s, ignoreCase: false, out var t) && Enum.IsDefined(t)
            ? t
            : throw new FormatException($"unknown type '{s}' in signature '{context}'");

    public override string ToString() =>
        $"{Name}({string.Join(", ", Parameters.Select(p => $"{p.Name}: {p.Type}"))}) -> {Returns}";
}
