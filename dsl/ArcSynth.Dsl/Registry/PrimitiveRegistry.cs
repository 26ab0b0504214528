using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ArcSynth.Dsl.Primitives;

namespace ArcSynth.Dsl.Registry;

/// <summary>
/// The one registry of primitives: the parser, type checker, interpreter, generators and the
/// sampler's decoding mask all read it. A submitted primitive enters it like a built-in one, as a
/// new version that keeps every existing entry and its position.
/// </summary>
public sealed class PrimitiveRegistry
{
    private readonly Dictionary<string, PrimitiveFunction> _byName;

    /// <summary>arc-dsl's 160 primitives.</summary>
    public static PrimitiveRegistry BuiltIn { get; } = new(FromType(typeof(Builtins)), version: 1);

    /// <summary>
    /// The primitives in a stable order: the built-ins by name, then additions in the order they were
    /// added. Token ids follow this order, so an addition never moves an existing primitive.
    /// </summary>
    public IReadOnlyList<PrimitiveFunction> All { get; }

    /// <summary>Increases with every addition.</summary>
    public int Version { get; }

    private PrimitiveRegistry(IReadOnlyList<PrimitiveFunction> all, int version)
    {
        All = all;
        Version = version;
        _byName = new Dictionary<string, PrimitiveFunction>(StringComparer.Ordinal);
        foreach (var p in all)
        {
            if (!_byName.TryAdd(p.Name, p)) throw new ArgumentException($"primitive '{p.Name}' is defined twice");
            if (DslConstants.TryGet(p.Name, out _)) throw new ArgumentException($"primitive '{p.Name}' clashes with a constant");
        }
    }

    public bool TryGet(string name, [NotNullWhen(true)] out PrimitiveFunction? primitive) =>
        _byName.TryGetValue(name, out primitive);

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>A new version of the registry with <paramref name="added"/> appended.</summary>
    public PrimitiveRegistry With(IEnumerable<PrimitiveFunction> added) => new([.. All, .. added], Version + 1);

    /// <summary>
    /// Every public static method of <paramref name="type"/> marked <see cref="PrimitiveAttribute"/>, by name.
    /// The annotation keeps those methods in a trimmed, ahead-of-time compiled build.
    /// </summary>
    public static IReadOnlyList<PrimitiveFunction> FromType([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => (Method: m, Attr: m.GetCustomAttribute<PrimitiveAttribute>()))
            .Where(x => x.Attr is not null)
            .Select(x => new PrimitiveFunction(Signature.Parse(x.Attr!.Signature, x.Attr.Unchecked, x.Attr.LooseResult, x.Attr.Calls), x.Attr.Doc, x.Method))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
}
