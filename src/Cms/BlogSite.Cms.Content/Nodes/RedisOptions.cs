using Microsoft.Extensions.Configuration;

namespace BlogSite.Cms.Content.Nodes;

/// Bound to "BlogSite:Redis": where the nodes of one site meet. Empty means a single node.
public sealed class RedisOptions
{
    public const string Section = "BlogSite:Redis";

    /// A StackExchange.Redis configuration string, like "127.0.0.1:6379".
    public string? Configuration { get; set; }

    /// Keeps several sites on one Redis apart; the default is the same for every node of a site.
    public string ChannelPrefix { get; set; } = "blogsite";

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);

    /// The settings as configured, for the choices made while services are registered.
    public static RedisOptions From(IConfiguration configuration) =>
        configuration?.GetSection(Section).Get<RedisOptions>() ?? new RedisOptions();
}
