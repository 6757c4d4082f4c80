using System.Text;

namespace BlogSite.Cms.Content.Routing;

/// A local address as a Location header may carry it: characters outside printable ASCII percent-encoded as UTF-8
/// (Kestrel refuses them in a header, which ended a correct sign-in with a 500). Nothing else changes: the address is
/// not parsed, so its dots and slashes stay as the caller checked them. Callers check that the address is local first.
public static class LocalRedirectAddress
{
    public static string Escape(string localUrl)
    {
        ArgumentNullException.ThrowIfNull(localUrl);
        var escaped = new StringBuilder(localUrl.Length);
        foreach (var rune in localUrl.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                escaped.Append((char)rune.Value);
            }
            else
            {
                escaped.Append(Uri.EscapeDataString(rune.ToString()));
            }
        }

        return escaped.ToString();
    }
}
