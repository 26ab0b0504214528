using System.Reflection;
using System.Runtime.Loader;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Primitives.Checking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ArcSynth.Primitives.Compiling;

/// <summary>
/// Turns a submitted C# source into primitives, or into the reasons it cannot be one: it must parse
/// and compile against the allowed references alone, use nothing <see cref="ForbiddenUse"/> forbids,
/// declare public static methods marked <see cref="PrimitiveAttribute"/> whose names are new to the
/// registry, and pass every <see cref="ExampleAttribute"/> case under the executor's limits. The code
/// that runs is the source with <see cref="BudgetRewriter"/>'s checks put in, loaded into a
/// collectible context of its own.
/// </summary>
public static class SubmissionCompiler
{
    /// <summary>Limits for the example cases: a hostile primitive is stopped within a second.</summary>
    public static Limits ExampleLimits { get; } = Limits.Default with { Timeout = TimeSpan.FromSeconds(1) };

    private static readonly string[] AllowedAssemblies = ["System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq", "netstandard"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform.Where(p => AllowedAssemblies.Contains(Path.GetFileNameWithoutExtension(p)))
            .Append(typeof(Value).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    });

    public static SubmissionResult Compile(string source, string file, PrimitiveRegistry registry)
    {
        var errors = new List<SubmissionError>();
        SubmissionError At(Location location, string message)
        {
            var span = location.GetLineSpan();
            return new SubmissionError(file, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, message);
        }
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: false, nullableContextOptions: NullableContextOptions.Enable);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: file);
        var name = "ArcSynth.Submitted." + Guid.NewGuid().ToString("N");
        var compilation = CSharpCompilation.Create(name, [tree], References.Value, options);
        var model = compilation.GetSemanticModel(tree);
        errors.AddRange(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => At(d.Location, $"{d.Id}: {d.GetMessage()}")));
        if (errors.Count > 0) return new SubmissionResult([], errors);
        // A forbidden call is found on each of its nested nodes that start where it does: say it once.
        errors.AddRange(ForbiddenUse.Find(tree, model).Select(f => At(f.At, f.Message)).Distinct());
        if (errors.Count > 0) return new SubmissionResult([], errors);

        // The code that runs is the budgeted rewrite of what was checked.
        var budgeted = new BudgetRewriter(model).Visit(tree.GetRoot());
        var runnable = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.Create((Microsoft.CodeAnalysis.CSharp.CSharpSyntaxNode)budgeted, (CSharpParseOptions)tree.Options, file));
        using var image = new MemoryStream();
        var emitted = runnable.Emit(image);
        if (!emitted.Success)
            return new SubmissionResult([], emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => At(d.Location, $"after budgeting: {d.Id}: {d.GetMessage()}")).ToList());
        image.Position = 0;
        var assembly = new AssemblyLoadContext(name, isCollectible: true).LoadFromStream(image);

        var primitives = new List<PrimitiveFunction>();
        foreach (var type in assembly.GetTypes())
        {
            List<PrimitiveFunction> found;
            try
            {
                found = PrimitiveRegistry.FromType(type).ToList();
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
            {
                errors.Add(new SubmissionError(file, 0, 0, $"in {type.Name}: {e.Message}"));
                continue;
            }
            primitives.AddRange(found);
        }
        if (primitives.Count == 0 && errors.Count == 0)
            errors.Add(new SubmissionError(file, 0, 0, "no public static method is marked [Primitive(signature, description)]"));
        foreach (var p in primitives)
            if (registry.Contains(p.Name) || DslConstants.TryGet(p.Name, out _))
                errors.Add(At(Declaration(tree, p.Name), $"'{p.Name}' is already a primitive or constant of the DSL; choose another name"));
        foreach (var duplicate in primitives.GroupBy(p => p.Name).Where(g => g.Count() > 1))
            errors.Add(new SubmissionError(file, 0, 0, $"'{duplicate.Key}' is declared twice"));
        if (errors.Count > 0) return new SubmissionResult([], errors);

        var extended = registry.With(primitives);
        foreach (var type in assembly.GetTypes())
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                var examples = method.GetCustomAttributes<ExampleAttribute>().ToList();
                if (method.GetCustomAttribute<PrimitiveAttribute>() is not null && examples.Count == 0)
                    errors.Add(At(Declaration(tree, method.Name), $"primitive {method.Name} has no [Example(call, expected)]; at least one is required"));
                foreach (var example in examples)
                    if (Check(example, extended) is { } failure)
                        errors.Add(At(Declaration(tree, method.Name), $"example {example.Call} -> {example.Expected}: {failure}"));
            }
        return new SubmissionResult(errors.Count == 0 ? primitives : [], errors);
    }

    /// <summary>Why an example fails, or null when it passes. It runs under <see cref="ExampleLimits"/> on a thread with room for the depth limit.</summary>
    private static string? Check(ExampleAttribute example, PrimitiveRegistry registry)
    {
        string? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var scope = ExampleLimits.Enter();
                var actual = PyExpression.Evaluate(example.Call, registry);
                var expected = PyExpression.Evaluate(example.Expected, registry);
                if (!actual.Equals(expected)) failure = $"gave {actual}";
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = e is DslError d ? $"{d.PythonType}: {d.Message}" : $"{e.GetType().Name}: {e.Message}";
            }
            catch (OutOfMemoryException)
            {
                failure = "ran out of memory";
            }
        }, maxStackSize: 16 << 20);
        thread.Start();
        thread.Join();
        return failure;
    }

    private static Location Declaration(SyntaxTree tree, string method) =>
        tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .FirstOrDefault(m => m.Identifier.Text == method)?.Identifier.GetLocation() ?? Location.None;
}
