namespace BlogSite.Cms.Content.Routing;

/// A local address as a Location header may carry it: letters outside ASCII percent-encoded as UTF-8 (Kestrel refuses
/// them in a header, which ended a correct sign-in with a 500). Callers check that the address is local first.
public static class LocalRedirectAddress
{
    private static readonly Uri Base = new("http://local.invalid");

    public static string Escape(string localUrl)
    {
        ArgumentNullException.ThrowIfNull(localUrl);
        var address = new Uri(Base, localUrl);
        return address.PathAndQuery + address.Fragment;
    }
}
