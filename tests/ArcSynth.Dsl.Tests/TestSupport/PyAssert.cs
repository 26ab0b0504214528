using ArcSynth.Dsl.Values;
using Xunit.Sdk;

namespace ArcSynth.Dsl.Tests.TestSupport;

/// <summary>
/// Assertions in Python's terms. <see cref="Check"/> and <see cref="Raises"/> name the Python
/// expression they mirror (written with <see cref="Make"/>'s builders, which check_expected.py
/// defines for Python too) and CPython's answer for it: its <c>repr</c>, which for a frozenset lists
/// the members in iteration order, or the name of the exception it raises. check_expected.py runs
/// every such expression under CPython with arc-dsl's dsl.py and reports any expectation that
/// differs from what CPython prints.
/// </summary>
internal static class PyAssert
{
    /// <summary>The value's repr is CPython's repr of <paramref name="python"/>: same value, and for sets the same iteration order.</summary>
    public static void Check(string python, string expected, Value actual)
    {
        var repr = actual.ToString();
        if (repr != expected)
            throw new XunitException($"{python}\n  CPython: {expected}\n  port:    {repr}");
    }

    /// <summary>
    /// As <see cref="Check(string, string, Value)"/>, with the port's call inside the assertion, so
    /// that an error the port raises where CPython returns a value is reported as such.
    /// </summary>
    public static void Check(string python, string expected, Func<Value> call)
    {
        Value actual;
        try
        {
            actual = call();
        }
        catch (Exception e)
        {
            var what = e is DslError d ? $"{d.PythonType}: {d.Message}" : $"non-DSL exception {e.GetType().Name}: {e.Message}";
            throw new XunitException($"{python}\n  CPython: {expected}\n  port raises: {what}");
        }
        Check(python, expected, actual);
    }

    /// <summary>Runs every check and reports all that fail, not only the first.</summary>
    public static void All(params Action[] checks)
    {
        var failures = new List<string>();
        foreach (var check in checks)
        {
            try
            {
                check();
            }
            catch (XunitException e)
            {
                failures.Add(e.Message);
            }
        }
        if (failures.Count > 0)
            throw new XunitException($"{failures.Count} of {checks.Length} checks differ from CPython:\n" + string.Join("\n", failures));
    }

    /// <summary>The call raises <see cref="DslError"/> of the Python type CPython raises for <paramref name="python"/>.</summary>
    public static DslError Raises(string python, string pythonType, Func<Value> call)
    {
        Value result;
        try
        {
            result = call();
        }
        catch (DslError e)
        {
            if (e.PythonType != pythonType)
                throw new XunitException($"{python}\n  CPython raises: {pythonType}\n  port raises:    {e.PythonType}: {e.Message}");
            return e;
        }
        catch (Exception e)
        {
            throw new XunitException($"{python}\n  CPython raises: {pythonType}\n  port throws a non-DSL exception: {e.GetType().Name}: {e.Message}");
        }
        throw new XunitException($"{python}\n  CPython raises: {pythonType}\n  port returns:   {result}");
    }

    /// <summary>Python's <c>==</c> between the values, with both reprs in the message.</summary>
    public static void Equal(Value expected, Value actual)
    {
        if (!expected.Equals(actual))
            throw new XunitException($"expected (Python ==): {expected}\n  actual: {actual}");
    }

    /// <summary>Python's <c>!=</c> between the values.</summary>
    public static void NotEqual(Value unexpected, Value actual)
    {
        if (unexpected.Equals(actual))
            throw new XunitException($"expected a value other than {unexpected}, got {actual}");
    }
}
