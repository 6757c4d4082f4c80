using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace BlogSite.Blog.Feeds;

/// XML 1.0 cannot carry most C0 control characters, nor U+FFFE and U+FFFF, not even as character references, yet a
/// recipe or a paste can put one into a title or body; a feed drops them rather than failing for every reader.
public static partial class XmlControlCharacters
{
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b)]);

    /// The document without those characters; the same bytes, undecoded, when it has none (the usual case).
    public static ReadOnlyMemory<byte> Strip(ReadOnlyMemory<byte> utf8Xml)
    {
        var bytes = utf8Xml.Span;
        if (!bytes.ContainsAny(ControlBytes) && bytes.IndexOf("&#"u8) < 0 && bytes.IndexOf("\uFFFE"u8) < 0 && bytes.IndexOf("\uFFFF"u8) < 0)
        {
            return utf8Xml;
        }

        var text = Encoding.UTF8.GetString(bytes);
        return NotXml().IsMatch(text) ? Encoding.UTF8.GetBytes(NotXml().Replace(text, "")) : utf8Xml;
    }

    /// The characters themselves (tab, line feed and carriage return are allowed) and their character references.
    [GeneratedRegex("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|&#(x0*([0-8bcef]|1[0-9a-f]|fff[ef])|0*([0-8]|1[124-9]|2[0-9]|3[01]|6553[45]));", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotXml();
}
