using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Recipes.Scripting;

/// Reads one script value: string literals joined with +, and the recipe functions.
internal sealed class ScriptParser(string text, string engine, RecipeScriptScope scope)
{
    private int position;

    public object? ParseAll()
    {
        var value = ParseSum();
        SkipSpace();
        return position == text.Length ? value : throw Error($"unexpected '{text[position..]}'");
    }

    private object? ParseSum()
    {
        var value = ParseTerm();
        while (Accept('+'))
        {
            var right = ParseTerm();
            value = value is double a && right is double b
                ? a + b
                : string.Concat(Convert.ToString(value, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture));
        }

        return value;
    }

    private object? ParseTerm()
    {
        SkipSpace();
        if (position >= text.Length)
        {
            throw Error("an expression was expected");
        }

        var c = text[position];
        if (c is '\'' or '"')
        {
            return ParseString(c);
        }

        if (char.IsAsciiDigit(c))
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            return double.Parse(text[start..position], CultureInfo.InvariantCulture);
        }

        if (Accept('('))
        {
            var inner = ParseSum();
            return Accept(')') ? inner : throw Error("')' was expected");
        }

        var name = ParseIdentifier();
        if (!Accept('('))
        {
            throw Error($"'{name}' is not a function call");
        }

        var arguments = new List<object?>();
        if (!Accept(')'))
        {
            do
            {
                arguments.Add(ParseSum());
            }
            while (Accept(','));

            if (!Accept(')'))
            {
                throw Error("')' was expected");
            }
        }

        return Call(name, arguments);
    }

    private object? Call(string name, List<object?> arguments)
    {
        string Arg(int i) => i < arguments.Count
            ? Convert.ToString(arguments[i], CultureInfo.InvariantCulture) ?? ""
            : throw Error($"{name}() needs {i + 1} argument(s)");

        return (engine, name) switch
        {
            ("js", "uuid") => ContentItemIdGenerator.NewId(),
            ("js", "variables") => scope.Variable(Arg(0)),
            ("js", "parameters") => scope.Parameter(Arg(0)),
            ("js", "configuration") => scope.Configuration(Arg(0)) ?? (arguments.Count > 1 ? Arg(1) : null),
            ("js", "base64") => DecodeBase64(Arg(0)),
            ("file", "text") => File.ReadAllText(scope.ResolveFile(Arg(0))),
            ("file", "base64") => Convert.ToBase64String(File.ReadAllBytes(scope.ResolveFile(Arg(0)))),
            _ => throw Error($"unknown function '{name}' for [{engine}: …]"),
        };
    }

    private static string DecodeBase64(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            throw new ScriptException("base64(): the argument is not valid Base64");
        }
    }

    private string ParseString(char quote)
    {
        position++;
        var builder = new StringBuilder();
        while (position < text.Length && text[position] != quote)
        {
            if (text[position] == '\\' && position + 1 < text.Length)
            {
                position++;
                builder.Append(text[position] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                builder.Append(text[position]);
            }

            position++;
        }

        if (position >= text.Length)
        {
            throw Error("a string is not closed");
        }

        position++;
        return builder.ToString();
    }

    private string ParseIdentifier()
    {
        SkipSpace();
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '$'))
        {
            position++;
        }

        return position > start ? text[start..position] : throw Error($"unexpected '{text[position]}'");
    }

    private bool Accept(char c)
    {
        SkipSpace();
        if (position < text.Length && text[position] == c)
        {
            position++;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static ScriptException Error(string message) => new($"Script error: {message}");
}
