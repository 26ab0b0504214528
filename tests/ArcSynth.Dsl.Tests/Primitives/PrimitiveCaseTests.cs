using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Tests.Support;
using ArcSynth.Dsl.Values;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Dsl.Tests.Primitives;

/// <summary>
/// Every case of tests/data/primitive_cases.txt: the port's result, written as Python's repr (which
/// for sets lists the members in iteration order), equals CPython's; an error has CPython's type.
/// </summary>
public sealed class PrimitiveCaseTests
{
    public static TheoryData<int, string, string> Cases()
    {
        var data = new TheoryData<int, string, string>();
        var number = 0;
        foreach (var line in File.ReadLines(TestData.File("primitive_cases.txt")))
        {
            number++;
            if (line.TrimStart().StartsWith('#') || !line.Contains(" => ")) continue;
            var parts = line.Split(" => ", 2);
            data.Add(number, parts[0], parts[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gives_what_CPython_gives(int line, string expression, string expected)
    {
        string actual;
        try
        {
            var value = PyExpression.Evaluate(expression);
            actual = value is FunctionValue ? "<function>" : value.ToString();
        }
        catch (Exception e) when (e is not FormatException)
        {
            actual = "!" + RunError.KindOf(e);
        }
        Assert.True(expected == actual, $"line {line}: {expression}\n  CPython: {expected}\n  port:    {actual}");
    }

    [Fact]
    public void Every_primitive_has_cases()
    {
        var text = File.ReadAllText(TestData.File("primitive_cases.txt"));
        var missing = PrimitiveRegistry.BuiltIn.All.Where(p => !System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{p.Name}\b")).Select(p => p.Name).ToList();
        Assert.Empty(missing);
    }
}
