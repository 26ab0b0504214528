using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ArcSynth.Primitives.Checking;

/// <summary>
/// Puts the executor's budget into a submitted primitive before it is compiled, so that it is
/// stopped like any program: every loop iteration counts a step (which checks the deadline) and
/// checks the bytes allocated so far, every
/// method, local function and lambda is one nested call (which meets the depth limit, so runaway
/// recursion ends in a RecursionError instead of a stack overflow), and every size given to an
/// array or object being created is checked against the container limit.
/// </summary>
public sealed class BudgetRewriter(SemanticModel model) : CSharpSyntaxRewriter
{
    private const string Limits = "global::ArcSynth.Dsl.Values.Limits";

    private static StatementSyntax Call(string method) => ParseStatement($"{Limits}.{method}();");

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        var isVoid = node.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };
        return visited.Body is null && visited.ExpressionBody is null
            ? visited
            : visited.WithBody(Guarded(visited.Body, visited.ExpressionBody, isVoid)).WithExpressionBody(null).WithSemicolonToken(default);
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        var isVoid = node.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };
        return visited.WithBody(Guarded(visited.Body, visited.ExpressionBody, isVoid)).WithExpressionBody(null).WithSemicolonToken(default);
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var visited = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        return visited.WithBody(Guarded(visited.Body, visited.ExpressionBody, isVoid: true)).WithExpressionBody(null).WithSemicolonToken(default);
    }

    /// <summary>{ Limits.Call(); try { body } finally { Limits.Return(); } }</summary>
    private static BlockSyntax Guarded(BlockSyntax? body, ArrowExpressionClauseSyntax? arrow, bool isVoid)
    {
        var inner = body ?? Block(isVoid ? ExpressionStatement(arrow!.Expression) : ReturnStatement(arrow!.Expression));
        return Block(Call("Call"), TryStatement(inner, default, FinallyClause(Block(Call("Return")))));
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        Lambda((LambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!);

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        Lambda((LambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!);

    /// <summary>x => body becomes x => Limits.Guard(() => body), one nested call per invocation.</summary>
    private static LambdaExpressionSyntax Lambda(LambdaExpressionSyntax lambda)
    {
        var body = (CSharpSyntaxNode?)lambda.Block ?? lambda.ExpressionBody!;
        var guarded = InvocationExpression(ParseExpression($"{Limits}.Guard"),
            ArgumentList(SingletonSeparatedList(Argument(ParenthesizedLambdaExpression(ParameterList(), body)))));
        return lambda.WithBlock(null).WithExpressionBody(guarded);
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        ((ForStatementSyntax)base.VisitForStatement(node)!) is var v ? v.WithStatement(Stepped(v.Statement)) : null;

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        ((ForEachStatementSyntax)base.VisitForEachStatement(node)!) is var v ? v.WithStatement(Stepped(v.Statement)) : null;

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        ((WhileStatementSyntax)base.VisitWhileStatement(node)!) is var v ? v.WithStatement(Stepped(v.Statement)) : null;

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        ((DoStatementSyntax)base.VisitDoStatement(node)!) is var v ? v.WithStatement(Stepped(v.Statement)) : null;

    private static BlockSyntax Stepped(StatementSyntax body) => Block(Call("Budget"), body);

    public override SyntaxNode? VisitArrayRankSpecifier(ArrayRankSpecifierSyntax node)
    {
        var visited = (ArrayRankSpecifierSyntax)base.VisitArrayRankSpecifier(node)!;
        return visited.WithSizes(SeparatedList(visited.Sizes.Select(s => s is OmittedArraySizeExpressionSyntax ? s : Sized(s))));
    }

    public override SyntaxNode? VisitArgument(ArgumentSyntax node)
    {
        var visited = (ArgumentSyntax)base.VisitArgument(node)!;
        // Sizes handed to constructors (a list's capacity, a string's length) are checked like array sizes.
        var isCreation = node.Parent?.Parent is BaseObjectCreationExpressionSyntax;
        return isCreation && model.GetTypeInfo(node.Expression).Type?.SpecialType == SpecialType.System_Int32
            ? visited.WithExpression(Sized(visited.Expression))
            : visited;
    }

    private static ExpressionSyntax Sized(ExpressionSyntax size) =>
        InvocationExpression(ParseExpression($"{Limits}.Sized"), ArgumentList(SingletonSeparatedList(Argument(size))));
}
