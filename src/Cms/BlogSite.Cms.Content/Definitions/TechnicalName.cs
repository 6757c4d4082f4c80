using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BlogSite.Cms.Content.Definitions;

/// The names types, parts and fields are stored under: a letter, then letters and digits ("SourceUrl").
public static partial class TechnicalName
{
    /// "Source URL" → "SourceUrl"; accents dropped, every word capitalised.
    public static string From(string displayName)
    {
        var builder = new StringBuilder();
        foreach (var word in (displayName ?? "").Normalize(NormalizationForm.FormD).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string([.. word.Where(char.IsAsciiLetterOrDigit)]);
            if (letters.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(letters[0])).Append(letters[1..].ToLower(CultureInfo.InvariantCulture));
            }
        }

        var name = builder.ToString();
        return name.Length > 0 && char.IsAsciiDigit(name[0]) ? "N" + name : name;
    }

    public static bool IsValid(string? name) => name is { Length: > 0 and <= 100 } && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Pattern();
}
