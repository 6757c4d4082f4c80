using System.Text.RegularExpressions;

namespace BlogSite.Cms.Content.Markdown;

/// A video address from a provider on the allow-list, reduced to the provider's name and the video's id. The
/// reader's browser builds the player's address from these two (embeds.js), never from a URL in the text.
public sealed partial record VideoEmbed(string Provider, string Id, string Name)
{
    /// Where the players embeds.js opens are served from, for the pages' frame-src: Dailymotion's embed address
    /// redirects to its geo player, and a frame's redirect must be allowed too.
    public const string PlayerOrigins =
        "https://www.youtube-nocookie.com https://player.vimeo.com https://www.dailymotion.com https://geo.dailymotion.com";

    public static VideoEmbed? From(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
        {
            return null;
        }

        var host = address.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? address.Host[4..] : address.Host;
        var path = address.AbsolutePath;
        var match = host.ToLowerInvariant() switch
        {
            "youtube.com" or "m.youtube.com" when path == "/watch" => YouTubeQuery().Match(address.Query),
            "youtube.com" or "m.youtube.com" => YouTubePath().Match(path),
            "youtu.be" => YouTubeShort().Match(path),
            "vimeo.com" => Vimeo().Match(path),
            "dailymotion.com" => Dailymotion().Match(path),
            _ => Match.Empty,
        };
        if (!match.Success)
        {
            return null;
        }

        var id = match.Groups["id"].Value;
        return host.Contains("vimeo", StringComparison.OrdinalIgnoreCase) ? new("vimeo", id, "Vimeo")
            : host.Contains("dailymotion", StringComparison.OrdinalIgnoreCase) ? new("dailymotion", id, "Dailymotion")
            : new("youtube", id, "YouTube");
    }

    [GeneratedRegex(@"[?&]v=(?<id>[A-Za-z0-9_-]{11})(&|$)")]
    private static partial Regex YouTubeQuery();

    [GeneratedRegex(@"^/(embed|shorts|live)/(?<id>[A-Za-z0-9_-]{11})/?$")]
    private static partial Regex YouTubePath();

    [GeneratedRegex(@"^/(?<id>[A-Za-z0-9_-]{11})/?$")]
    private static partial Regex YouTubeShort();

    [GeneratedRegex(@"^/(?<id>[0-9]{6,12})/?$")]
    private static partial Regex Vimeo();

    [GeneratedRegex(@"^/video/(?<id>[A-Za-z0-9]{5,12})/?$")]
    private static partial Regex Dailymotion();
}
