using System.Text;

namespace ArcSynth.Dsl.Values;

/// <summary>
/// A value of the DSL, with Python's semantics: <see cref="Equals(Value?)"/> is Python's <c>==</c>
/// and <see cref="Hash"/> is CPython's <c>hash()</c>, so that sets built from these values have
/// CPython's layout and iterate in CPython's order.
/// </summary>
public abstract class Value : IEquatable<Value>
{
    /// <summary>CPython 3.11's hash of this value (64-bit build).</summary>
    public abstract long Hash { get; }

    /// <summary>Python's type name: int, bool, tuple, frozenset, function or NoneType.</summary>
    public abstract string TypeName { get; }

    /// <summary>Python's <c>==</c>.</summary>
    public abstract bool Equals(Value? other);

    /// <summary>Writes Python's <c>repr</c> of the value.</summary>
    public abstract void Repr(StringBuilder sb);

    public sealed override bool Equals(object? obj) => obj is Value v && Equals(v);

    public sealed override int GetHashCode() => (int)(Hash ^ (Hash >> 32));

    public sealed override string ToString()
    {
        var sb = new StringBuilder();
        Repr(sb);
        return sb.ToString();
    }
}
