namespace ArcSynth.Dsl.Values;

/// <summary>
/// An error raised by a primitive or a program, named after the Python exception CPython would raise
/// for the same cause (TypeError, ValueError, IndexError, StopIteration, ...).
/// </summary>
public sealed class DslError(string pythonType, string message) : Exception(message)
{
    /// <summary>The Python exception type name, e.g. "TypeError".</summary>
    public string PythonType { get; } = pythonType;

    public static DslError Type(string message) => new("TypeError", message);
    public static DslError ValueErr(string message) => new("ValueError", message);
    public static DslError Index(string message) => new("IndexError", message);
    public static DslError StopIteration(string message) => new("StopIteration", message);
    public static DslError ZeroDivision(string message) => new("ZeroDivisionError", message);
    public static DslError Recursion(string message) => new("RecursionError", message);
    public static DslError Attribute(string message) => new("AttributeError", message);
    public static DslError Overflow(string message) => new("OverflowError", message);
    public static DslError Key(string message) => new("KeyError", message);

    public override string ToString() => $"{PythonType}: {Message}";
}
