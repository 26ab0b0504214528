namespace ArcSynth.Data.Search;

/// <summary>One name changed in one line: argument <paramref name="Arg"/> (or the callee, <see cref="Callee"/>) of line <paramref name="Line"/> becomes <paramref name="Name"/>.</summary>
public readonly record struct LocalEdit(int Line, int Arg, string Name)
{
    /// <summary>The <see cref="Arg"/> that stands for the call's primitive.</summary>
    public const int Callee = -1;
}
