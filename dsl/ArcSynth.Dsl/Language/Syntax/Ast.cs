namespace ArcSynth.Dsl.Language.Syntax;

/// <summary>A position in the source, kept out of structural equality.</summary>
public readonly record struct Position(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>An expression: a name, an integer literal, or a call.</summary>
public abstract record Expr(Position At)
{
    /// <summary>Structural equality, positions ignored.</summary>
    public abstract bool SameAs(Expr other);
}

/// <summary>A variable, constant or primitive name.</summary>
public sealed record NameExpr(string Name, Position At) : Expr(At)
{
    public override bool SameAs(Expr other) => other is NameExpr n && n.Name == Name;
}

/// <summary>An integer literal such as <c>5</c> or <c>-1</c>.</summary>
public sealed record IntExpr(int Value, Position At) : Expr(At)
{
    public override bool SameAs(Expr other) => other is IntExpr i && i.Value == Value;
}

/// <summary><c>callee(arg, ...)</c>; the callee is a primitive name, a variable holding a function, or a call.</summary>
public sealed record CallExpr(Expr Callee, IReadOnlyList<Expr> Args, Position At) : Expr(At)
{
    public override bool SameAs(Expr other) =>
        other is CallExpr c && c.Callee.SameAs(Callee) && c.Args.Count == Args.Count && Args.Zip(c.Args).All(p => p.First.SameAs(p.Second));
}

/// <summary><c>target = value</c>.</summary>
public sealed record Assignment(string Target, Expr Value, Position At)
{
    public bool SameAs(Assignment other) => other.Target == Target && other.Value.SameAs(Value);
}

/// <summary>A parameter with its optional annotation.</summary>
public sealed record ParameterDef(string Name, string? Annotation);

/// <summary>
/// <c>def name(I): ... return x</c>: one program. Annotations (<c>(I: Grid) -> Grid</c>) are kept
/// so that printing gives them back.
/// </summary>
public sealed record FunctionDef(
    string Name,
    IReadOnlyList<ParameterDef> Parameters,
    string? ReturnAnnotation,
    IReadOnlyList<Assignment> Body,
    Expr Result,
    Position At,
    string File)
{
    /// <summary>The task id in a name like <c>solve_00d62c1b</c>: what follows the last underscore.</summary>
    public string TaskId => Name[(Name.LastIndexOf('_') + 1)..];

    /// <summary>Structural equality: names, annotations, statements and result, positions ignored.</summary>
    public bool SameAs(FunctionDef other) =>
        other.Name == Name &&
        other.Parameters.SequenceEqual(Parameters) &&
        other.ReturnAnnotation == ReturnAnnotation &&
        other.Body.Count == Body.Count &&
        Body.Zip(other.Body).All(p => p.First.SameAs(p.Second)) &&
        other.Result.SameAs(Result);
}
