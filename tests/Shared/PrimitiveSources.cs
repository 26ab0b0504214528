namespace ArcSynth.Tests.Shared;

/// <summary>The C# source of a submitted primitive for the tests: one static method with its signature, description and one example.</summary>
internal static class PrimitiveSources
{
    /// <summary>
    /// A Grid to Grid primitive whose example expects ((1, 2), (3, 4)) back; <paramref name="body"/> is its
    /// method body over <c>grid</c>, <paramref name="members"/> more members of its class.
    /// </summary>
    public static string GridToGrid(string name, string body, string description = "a submitted primitive", string members = "") =>
        Of($"{name}(grid: Grid) -> Grid", description, $"{name}(((1, 2), (3, 4)))", "((1, 2), (3, 4))", "grid", body, members);

    /// <summary>An Integer to Integer primitive whose example expects 2 for 1; <paramref name="body"/> is its method body over <c>x</c>.</summary>
    public static string Successor(string name, string body) =>
        Of($"{name}(x: Integer) -> Integer", "the next integer", $"{name}(1)", "2", "x", body, "");

    // The body is line 9, where the tests' refusals point; the other members come after it.
    private static string Of(string signature, string description, string example, string expected, string parameter, string body, string members) => $$"""
        using ArcSynth.Dsl.Registry;
        using ArcSynth.Dsl.Values;
        public static class Submitted
        {
            [Primitive("{{signature}}", "{{description}}")]
            [Example("{{example}}", "{{expected}}")]
            public static Value Run(Value {{parameter}})
            {
                {{body}}
            }
            {{members}}
        }
        """;
}
