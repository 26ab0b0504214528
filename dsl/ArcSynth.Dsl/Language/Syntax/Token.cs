namespace ArcSynth.Dsl.Language.Syntax;

internal enum TokenKind { Name, Int, LParen, RParen, Comma, Equals, Colon, Arrow, Minus, End }

internal readonly record struct Token(TokenKind Kind, string Text, Position At)
{
    public override string ToString() => Kind == TokenKind.End ? "end of line" : $"'{Text}'";
}
