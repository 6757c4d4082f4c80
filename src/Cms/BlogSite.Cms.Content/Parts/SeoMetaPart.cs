namespace BlogSite.Cms.Content.Parts;

/// Orchard Core's SEO part, as far as BlogSite uses it: the page's own title and meta description, and a canonical
/// address when the item was first published elsewhere. Its other properties (keywords, Open Graph and Twitter
/// tags…) stay in the item's JSON as they came, so a recipe carries them both ways.
public sealed record SeoMetaPart(string? PageTitle, string? MetaDescription, string? Canonical)
{
    /// The canonical address when it is one readers and search engines may follow: absolute http or https, never
    /// javascript: or data:.
    public Uri? CanonicalAddress => WebAddress(Canonical);

    public static Uri? WebAddress(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var address)
        && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp) && address.Host.Length > 0
            ? address
            : null;
}
