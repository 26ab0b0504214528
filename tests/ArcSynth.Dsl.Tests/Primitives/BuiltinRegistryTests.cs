using System.Reflection;
using System.Text.RegularExpressions;
using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Primitives;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Tests.Primitives;

/// <summary>
/// The built-in registry holds exactly arc-dsl's 160 primitives, each backed by a method of
/// <see cref="Builtins"/> whose parameters match its signature, with types that parse.
/// </summary>
public sealed partial class BuiltinRegistryTests
{
    /// <summary>Every <c>def</c> of arc-dsl's dsl.py, in file order, with its parameter names.</summary>
    private static readonly string[] DslPy =
    [
        "identity(x)", "add(a, b)", "subtract(a, b)", "multiply(a, b)",
        "divide(a, b)", "invert(n)", "even(n)", "double(n)",
        "halve(n)", "flip(b)", "equality(a, b)", "contained(value, container)",
        "combine(a, b)", "intersection(a, b)", "difference(a, b)", "dedupe(tup)",
        "order(container, compfunc)", "repeat(item, num)", "greater(a, b)", "size(container)",
        "merge(containers)", "maximum(container)", "minimum(container)", "valmax(container, compfunc)",
        "valmin(container, compfunc)", "argmax(container, compfunc)", "argmin(container, compfunc)", "mostcommon(container)",
        "leastcommon(container)", "initset(value)", "both(a, b)", "either(a, b)",
        "increment(x)", "decrement(x)", "crement(x)", "sign(x)",
        "positive(x)", "toivec(i)", "tojvec(j)", "sfilter(container, condition)",
        "mfilter(container, function)", "extract(container, condition)", "totuple(container)", "first(container)",
        "last(container)", "insert(value, container)", "remove(value, container)", "other(container, value)",
        "interval(start, stop, step)", "astuple(a, b)", "product(a, b)", "pair(a, b)",
        "branch(condition, a, b)", "compose(outer, inner)", "chain(h, g, f)", "matcher(function, target)",
        "rbind(function, fixed)", "lbind(function, fixed)", "power(function, n)", "fork(outer, a, b)",
        "apply(function, container)", "rapply(functions, value)", "mapply(function, container)", "papply(function, a, b)",
        "mpapply(function, a, b)", "prapply(function, a, b)", "mostcolor(element)", "leastcolor(element)",
        "height(piece)", "width(piece)", "shape(piece)", "portrait(piece)",
        "colorcount(element, value)", "colorfilter(objs, value)", "sizefilter(container, n)", "asindices(grid)",
        "ofcolor(grid, value)", "ulcorner(patch)", "urcorner(patch)", "llcorner(patch)",
        "lrcorner(patch)", "crop(grid, start, dims)", "toindices(patch)", "recolor(value, patch)",
        "shift(patch, directions)", "normalize(patch)", "dneighbors(loc)", "ineighbors(loc)",
        "neighbors(loc)", "objects(grid, univalued, diagonal, without_bg)", "partition(grid)", "fgpartition(grid)",
        "uppermost(patch)", "lowermost(patch)", "leftmost(patch)", "rightmost(patch)",
        "square(piece)", "vline(patch)", "hline(patch)", "hmatching(a, b)",
        "vmatching(a, b)", "manhattan(a, b)", "adjacent(a, b)", "bordering(patch, grid)",
        "centerofmass(patch)", "palette(element)", "numcolors(element)", "color(obj)",
        "toobject(patch, grid)", "asobject(grid)", "rot90(grid)", "rot180(grid)",
        "rot270(grid)", "hmirror(piece)", "vmirror(piece)", "dmirror(piece)",
        "cmirror(piece)", "fill(grid, value, patch)", "paint(grid, obj)", "underfill(grid, value, patch)",
        "underpaint(grid, obj)", "hupscale(grid, factor)", "vupscale(grid, factor)", "upscale(element, factor)",
        "downscale(grid, factor)", "hconcat(a, b)", "vconcat(a, b)", "subgrid(patch, grid)",
        "hsplit(grid, n)", "vsplit(grid, n)", "cellwise(a, b, fallback)", "replace(grid, replacee, replacer)",
        "switch(grid, a, b)", "center(patch)", "position(a, b)", "index(grid, loc)",
        "canvas(value, dimensions)", "corners(patch)", "connect(a, b)", "cover(grid, patch)",
        "trim(grid)", "move(grid, obj, offset)", "tophalf(grid)", "bottomhalf(grid)",
        "lefthalf(grid)", "righthalf(grid)", "vfrontier(location)", "hfrontier(location)",
        "backdrop(patch)", "delta(patch)", "gravitate(source, destination)", "inbox(patch)",
        "outbox(patch)", "box(patch)", "shoot(start, direction)", "occurrences(grid, obj)",
        "frontiers(grid)", "compress(grid)", "hperiod(obj)", "vperiod(obj)",
    ];

    private static string NameOf(string def) => def[..def.IndexOf('(')];

    private static string[] ParametersOf(string def) =>
        def[(def.IndexOf('(') + 1)..^1].Split(", ", StringSplitOptions.RemoveEmptyEntries);

    private static List<(MethodInfo Method, PrimitiveAttribute Attribute)> Methods() =>
        typeof(Builtins).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<PrimitiveAttribute>()!))
            .Where(x => x.Attribute is not null)
            .ToList();

    [Fact]
    public void The_list_of_dsl_py_definitions_has_160_distinct_names()
    {
        Assert.Equal(160, DslPy.Length);
        Assert.Equal(160, DslPy.Select(NameOf).Distinct().Count());
    }

    [Fact]
    public void Holds_exactly_160_primitives_with_unique_names()
    {
        var all = PrimitiveRegistry.BuiltIn.All;
        Assert.Equal(160, all.Count);
        Assert.Equal(all.Count, all.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(160, Methods().Count);
    }

    [Fact]
    public void Its_names_are_exactly_the_names_of_dsl_py()
    {
        var expected = DslPy.Select(NameOf).Order(StringComparer.Ordinal).ToList();
        var actual = PrimitiveRegistry.BuiltIn.All.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Each_signature_has_the_parameters_of_dsl_py_and_of_its_method()
    {
        var methods = Methods().ToDictionary(x => Signature.Parse(x.Attribute.Signature).Name, x => x.Method);
        foreach (var def in DslPy)
        {
            var name = NameOf(def);
            Assert.True(PrimitiveRegistry.BuiltIn.TryGet(name, out var p), $"{name} is not registered");
            var fromDsl = ParametersOf(def);
            var fromSignature = p.Signature.Parameters.Select(x => x.Name).ToArray();
            var fromMethod = methods[name].GetParameters().Select(x => x.Name!).ToArray();
            Assert.True(fromDsl.SequenceEqual(fromSignature), $"{name}: dsl.py has ({string.Join(", ", fromDsl)}), the signature ({string.Join(", ", fromSignature)})");
            Assert.True(fromSignature.SequenceEqual(fromMethod), $"{name}: the signature has ({string.Join(", ", fromSignature)}), the method ({string.Join(", ", fromMethod)})");
            Assert.Equal(p.Signature.Arity, methods[name].GetParameters().Length);
            Assert.Equal(p.Signature.Arity, p.Arity);
            Assert.All(methods[name].GetParameters(), x => Assert.Equal(typeof(Value), x.ParameterType));
            Assert.Equal(typeof(Value), methods[name].ReturnType);
        }
    }

    [Fact]
    public void Every_signature_type_parses_and_round_trips()
    {
        foreach (var (method, attribute) in Methods())
        {
            var signature = Signature.Parse(attribute.Signature, attribute.Unchecked, attribute.LooseResult);
            Assert.All(signature.Parameters, x => Assert.True(Enum.IsDefined(x.Type), $"{signature.Name}.{x.Name}: {x.Type}"));
            Assert.True(Enum.IsDefined(signature.Returns), $"{signature.Name} returns {signature.Returns}");
            var again = Signature.Parse(signature.ToString());
            Assert.Equal(signature.ToString(), again.ToString());
            Assert.Equal(attribute.Signature, signature.ToString());
            Assert.False(string.IsNullOrWhiteSpace(attribute.Doc), $"{method.Name} has no description");
        }
    }

    [Fact]
    public void Registered_primitives_call_their_methods()
    {
        Assert.True(PrimitiveRegistry.BuiltIn.TryGet("add", out var add));
        Assert.Equal(Int.Of(5), add.Call([Int.Of(2), Int.Of(3)]));
        Assert.True(PrimitiveRegistry.BuiltIn.TryGet("objects", out var objects));
        Assert.Equal(4, objects.Arity);
        var e = Assert.Throws<DslError>(() => add.Call([Int.Of(2)]));
        Assert.Equal("TypeError", e.PythonType);
    }

    /// <summary>Each primitive is exercised, by name, in a Check or Raises of the concept test files of this folder.</summary>
    [Fact]
    public void Every_primitive_is_exercised_by_the_concept_tests()
    {
        var folder = TestsFolder();
        var files = new[] { "ArithmeticTests.cs", "ContainersTests.cs", "FunctionalTests.cs", "ColorsTests.cs", "PatchesTests.cs", "ObjectsTests.cs", "GridsTests.cs" };
        var expressions = files
            .SelectMany(f => CheckedExpression().Matches(File.ReadAllText(Path.Combine(folder, f))).Select(m => m.Groups[1].Value))
            .ToList();
        var missing = DslPy.Select(NameOf).Where(n => !expressions.Any(e => Regex.IsMatch(e, $@"\b{n}\("))).ToList();
        Assert.True(missing.Count == 0, "not exercised: " + string.Join(", ", missing));
    }

    private static string TestsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ArcSynth.Dsl.Tests", "Primitives");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"tests/ArcSynth.Dsl.Tests/Primitives not found above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// Programs passing a function where a primitive calls it (<see cref="Parameter.Calls"/>): one that takes as many
    /// arguments as declared, and one that does not, which must raise on a real input (0ca9ddb6's first: two objects,
    /// one cell of colour 1). The sampler's grammar, the mutator and the generator offer only the first kind.
    /// </summary>
    [Theory]
    [InlineData("x1 = objects(I, T, F, T)\n    x2 = apply(size, x1)\n    x3 = maximum(x2)\n    O = upscale(I, x3)", "size", "fill")]
    [InlineData("x1 = ofcolor(I, ONE)\n    x2 = prapply(connect, x1, x1)\n    x3 = merge(x2)\n    O = fill(I, TWO, x3)", "connect", "backdrop")]
    [InlineData("x1 = fork(add, size, size)\n    x2 = objects(I, T, F, T)\n    x3 = argmax(x2, x1)\n    O = subgrid(x3, I)", "add", "size")]
    [InlineData("x1 = objects(I, T, F, T)\n    x2 = argmax(x1, size)\n    O = subgrid(x2, I)", "size", "connect")]
    [InlineData("x1 = objects(I, T, F, T)\n    x2 = mfilter(x1, square)\n    O = fill(I, TWO, x2)", "square", "shift")]
    [InlineData("x1 = compose(size, backdrop)\n    x2 = objects(I, T, F, T)\n    x3 = argmax(x2, x1)\n    O = subgrid(x3, I)", "size", "add")]
    public void A_function_parameter_is_called_with_as_many_arguments_as_it_declares(string body, string fits, string other)
    {
        var input = ArcSynth.Dsl.Tests.Support.Build.Task("0ca9ddb6").Train[0].Input;
        CompiledProgram Compiled(string text) => CompiledProgram.Compile(ProgramParser.ParseFunction($"def p_x(I):\n    {text}\n    return O\n"), PrimitiveRegistry.BuiltIn);
        Assert.NotNull(Compiled(body).Run(input));
        Assert.ThrowsAny<Exception>(() => Compiled(body.Replace($"({fits},", $"({other},").Replace($", {fits})", $", {other})")).Run(input));
    }

    [Fact]
    public void Every_function_parameter_of_the_builtins_says_how_it_is_called_but_those_of_lbind_rbind_and_power()
    {
        // lbind and rbind take a function of any arity; power(f, 1) returns f itself, called as its caller calls it.
        var open = PrimitiveRegistry.BuiltIn.All.SelectMany(p => p.Signature.Parameters.Where(x => x.Type == DslType.Callable && x.Calls is null).Select(x => $"{p.Name}.{x.Name}"));
        Assert.Equal(["lbind.function", "power.function", "rbind.function"], open.Order());
    }

    [GeneratedRegex("""\b(?:Check|Raises)\(\s*"((?:[^"\\]|\\.)*)"\s*,""")]
    private static partial Regex CheckedExpression();
}
