namespace BlogSite.Cms.Content.Display;

/// Links that content may carry to readers: within the site ("/about", "~/about") or to web and mail addresses.
public static class SafeLink
{
    /// The link as a reader may follow it, or null for anything else (javascript:, data:, "//host", "/\host").
    public static string? Of(string? url)
    {
        var trimmed = url?.Trim() ?? "";
        if (trimmed.StartsWith("~/", StringComparison.Ordinal))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.StartsWith('/'))
        {
            return trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("/\\", StringComparison.Ordinal) ? null : trimmed;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto" ? trimmed : null;
    }
}
