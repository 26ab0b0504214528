using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ArcSynth.Primitives.Checking;

/// <summary>
/// What a submitted primitive may not touch, judged on the compiler's symbols (not on text, so
/// aliases, <c>global::</c> and <c>using static</c> do not get round it): files, network,
/// processes, reflection, threads, interop, the environment, clocks and randomness, unsafe code,
/// and static mutable state. A primitive is a pure function of its arguments.
/// </summary>
public static class ForbiddenUse
{
    private static readonly string[] Namespaces =
    [
        "System.IO", "System.Net", "System.Diagnostics", "System.Reflection", "System.Threading", "System.Runtime",
        "System.Security", "System.Resources", "Microsoft.Win32", "System.Buffers", "System.Timers", "System.Web",
    ];

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["System.Environment"] = "environment access",
        ["System.Console"] = "console input and output",
        ["System.Random"] = "randomness (a primitive must be deterministic)",
        ["System.DateTime"] = "the clock (a primitive must be deterministic)",
        ["System.DateTimeOffset"] = "the clock (a primitive must be deterministic)",
        ["System.TimeProvider"] = "the clock (a primitive must be deterministic)",
        ["System.Guid"] = "random identifiers (a primitive must be deterministic)",
        ["System.GC"] = "the garbage collector",
        ["System.Activator"] = "reflection",
        ["System.AppDomain"] = "the application domain",
        ["System.AppContext"] = "the application context",
        ["System.Type"] = "reflection",
        ["System.Delegate"] = "delegate reflection",
        ["System.Linq.Enumerable.Range"] = "an unbudgeted sequence (write a for loop; loops are budgeted)",
        ["System.Linq.Enumerable.Repeat"] = "an unbudgeted sequence (write a for loop; loops are budgeted)",
    };

    /// <summary>Every forbidden use in <paramref name="tree"/>, with its location.</summary>
    public static IEnumerable<(Location At, string Message)> Find(SyntaxTree tree, SemanticModel model)
    {
        foreach (var node in tree.GetRoot().DescendantNodesAndSelf())
        {
            switch (node)
            {
                case UnsafeStatementSyntax or FixedStatementSyntax or PointerTypeSyntax or FunctionPointerTypeSyntax or StackAllocArrayCreationExpressionSyntax:
                    yield return (node.GetLocation(), "unsafe code is not allowed");
                    continue;
                case TypeOfExpressionSyntax:
                    yield return (node.GetLocation(), "typeof is reflection, which is not allowed");
                    continue;
                case MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword) || member.Modifiers.Any(SyntaxKind.ExternKeyword):
                    yield return (member.GetLocation(), member.Modifiers.Any(SyntaxKind.ExternKeyword) ? "extern methods (P/Invoke) are not allowed" : "unsafe code is not allowed");
                    continue;
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    yield return (field.GetLocation(), $"static field {string.Join(", ", field.Declaration.Variables.Select(v => v.Identifier.Text))} is state shared between calls; a primitive must be pure (use const, or a local)");
                    continue;
                case PropertyDeclarationSyntax property when property.Modifiers.Any(SyntaxKind.StaticKeyword)
                    && (property.AccessorList?.Accessors.Any(a => a.Body is null && a.ExpressionBody is null) ?? false):
                    yield return (property.GetLocation(), $"static property {property.Identifier.Text} with storage is state shared between calls; a primitive must be pure");
                    continue;
                case EventDeclarationSyntax or EventFieldDeclarationSyntax:
                    yield return (node.GetLocation(), "events are not allowed");
                    continue;
            }
            if (node is not (IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or ObjectCreationExpressionSyntax
                or ImplicitObjectCreationExpressionSyntax or InvocationExpressionSyntax or QualifiedNameSyntax or ElementAccessExpressionSyntax))
                continue;
            var symbol = model.GetSymbolInfo(node).Symbol ?? model.GetSymbolInfo(node).CandidateSymbols.FirstOrDefault();
            if (symbol is null || Why(symbol) is not { } reason) continue;
            yield return (node.GetLocation(), $"'{symbol.ToDisplayString()}' is {reason}, which is not allowed in a primitive");
        }
    }

    private static string? Why(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { Name: "GetType", ContainingType.SpecialType: SpecialType.System_Object })
            return "reflection";
        if (symbol is IMethodSymbol { ReturnType: { } returns } && Named(returns) is "System.Type")
            return "reflection";
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is not null)
        {
            var name = Named(type);
            if (Types.TryGetValue($"{name}.{symbol.Name}", out var member)) return member;
            for (var t = type; t is not null; t = t.ContainingType)
                if (Types.TryGetValue(Named(t), out var why)) return why;
        }
        var ns = (symbol as INamespaceSymbol ?? symbol.ContainingNamespace)?.ToDisplayString() ?? "";
        return Namespaces.FirstOrDefault(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal)) is { } forbidden
            ? $"in {forbidden} ({Describe(forbidden)})"
            : null;
    }

    /// <summary>The type's full name without its type arguments.</summary>
    private static string Named(ITypeSymbol type)
    {
        var name = type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "", StringComparison.Ordinal);
        var lt = name.IndexOf('<');
        return lt >= 0 ? name[..lt] : name;
    }

    private static string Describe(string ns) => ns switch
    {
        "System.IO" => "files",
        "System.Net" => "network",
        "System.Diagnostics" => "processes and clocks",
        "System.Reflection" => "reflection",
        "System.Threading" => "threads",
        "System.Runtime" => "interop and runtime services",
        _ => "outside a primitive's reach",
    };
}
