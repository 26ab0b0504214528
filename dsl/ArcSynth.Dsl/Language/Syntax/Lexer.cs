namespace ArcSynth.Dsl.Language.Syntax;

/// <summary>Splits one logical line of the program language into tokens.</summary>
internal static class Lexer
{
    /// <summary>
    /// The tokens of <paramref name="text"/>, whose characters sit at the given positions (a logical
    /// line may span several physical lines inside parentheses).
    /// </summary>
    public static List<Token> Tokenize(string text, IReadOnlyList<Position> positions, string file)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var at = positions[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Name, text[start..i], at));
                continue;
            }
            if (char.IsDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsDigit(text[i])) i++;
                tokens.Add(new Token(TokenKind.Int, text[start..i], at));
                continue;
            }
            if (c == '-' && i + 1 < text.Length && text[i + 1] == '>')
            {
                tokens.Add(new Token(TokenKind.Arrow, "->", at));
                i += 2;
                continue;
            }
            var kind = c switch
            {
                '(' => TokenKind.LParen,
                ')' => TokenKind.RParen,
                ',' => TokenKind.Comma,
                '=' => TokenKind.Equals,
                ':' => TokenKind.Colon,
                '-' => TokenKind.Minus,
                _ => throw new ProgramException([new Diagnostic(file, at.Line, at.Column, $"unexpected character '{c}'")]),
            };
            tokens.Add(new Token(kind, c.ToString(), at));
            i++;
        }
        var end = positions.Count > 0 ? positions[^1] with { Column = positions[^1].Column + 1 } : new Position(1, 1);
        tokens.Add(new Token(TokenKind.End, "", end));
        return tokens;
    }
}
