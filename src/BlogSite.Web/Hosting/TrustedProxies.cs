using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BlogSite.Web.Hosting;

/// Which proxies may tell the site a reader's address and scheme (X-Forwarded-For, X-Forwarded-Proto): loopback
/// always (nginx on the same machine), plus the addresses and networks listed under BlogSite:ForwardedHeaders. A
/// header from anyone else is ignored, so a reader cannot pose as another address to the sign-in limit, nor as HTTPS.
public static class TrustedProxies
{
    public const string Section = "BlogSite:ForwardedHeaders";

    public static ForwardedHeadersOptions OptionsFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var (key, value) in Values(configuration, "KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{key} is '{value}', which is not an IP address."));
        }

        foreach (var (key, value) in Values(configuration, "KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{key} is '{value}', which is not a network such as 10.0.0.0/8."));
        }

        return options;
    }

    /// A list written as array entries (KnownProxies:0, KnownProxies:1) or as one comma-separated value.
    private static IEnumerable<(string Key, string Value)> Values(IConfiguration configuration, string name)
    {
        var section = configuration.GetSection($"{Section}:{name}");
        var entries = section.Value is { Length: > 0 } single
            ? [(section.Path, single)]
            : section.GetChildren().Where(c => c.Value is { Length: > 0 }).Select(c => (c.Path, c.Value!));
        return entries.SelectMany(e => e.Item2.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (e.Item1, v)));
    }
}
