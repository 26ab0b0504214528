using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Language.Execution;

/// <summary>How a failed run is reported: a short kind in Python's vocabulary, and a message.</summary>
public static class RunError
{
    /// <summary>The Python-style kind of an exception a run raised ("TypeError", "LimitExceeded", ...).</summary>
    public static string KindOf(Exception e) => e switch
    {
        DslError d => d.PythonType,
        OverflowException => "OverflowError",
        InvalidCastException => "TypeError",
        InsufficientExecutionStackException => "RecursionError",
        OutOfMemoryException => "MemoryError",
        _ => e.GetType().Name,
    };

    /// <summary><c>Kind: message</c>, one line.</summary>
    public static string Describe(Exception e) => $"{KindOf(e)}: {e.Message.ReplaceLineEndings(" ")}";
}
