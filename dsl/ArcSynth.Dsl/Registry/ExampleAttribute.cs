namespace ArcSynth.Dsl.Registry;

/// <summary>
/// An example case of a primitive: a call written as a Python-style expression (see
/// <see cref="Values.PyExpression"/>) and the value it must give. A submitted primitive is accepted
/// only when all its examples pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ExampleAttribute(string call, string expected) : Attribute
{
    public string Call { get; } = call;
    public string Expected { get; } = expected;
}
