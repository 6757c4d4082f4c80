using System.Text;
using System.Text.RegularExpressions;

namespace BlogSite.Blog.Feeds;

/// XML 1.0 cannot carry most C0 control characters (nor U+FFFE and U+FFFF), not even escaped, yet a recipe or a paste can put one into a
/// title or body; a feed drops them rather than failing for every reader. In UTF-8 these characters are single bytes
/// below 0x20 that never occur inside another character's encoding, so they can be removed from the written bytes.
public static partial class XmlControlCharacters
{
    public static byte[] Strip(byte[] utf8Xml)
    {
        ArgumentNullException.ThrowIfNull(utf8Xml);
        var kept = utf8Xml.Where(b => b >= 0x20 || b is (byte)'\t' or (byte)'\n' or (byte)'\r').ToArray();
        var text = Encoding.UTF8.GetString(kept);
        return EscapedControl().IsMatch(text) || text.AsSpan().IndexOfAny('\uFFFE', '\uFFFF') >= 0
            ? Encoding.UTF8.GetBytes(EscapedControl().Replace(text, "").Replace("\uFFFE", "", StringComparison.Ordinal).Replace("\uFFFF", "", StringComparison.Ordinal))
            : kept;
    }

    /// The same characters written as character references, and the two non-characters U+FFFE and U+FFFF, which
    /// XML 1.0 forbids as well.
    [GeneratedRegex("&#(x0*([0-8bcef]|1[0-9a-f]|fff[ef])|0*([0-8]|1[124-9]|2[0-9]|3[01]|6553[45]));", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EscapedControl();
}
