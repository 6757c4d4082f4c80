namespace BlogSite.Web.Hosting;

/// Where the host finds appsettings.json and the published static files: the application's own folder, unless the
/// operator names another one (--contentRoot, ASPNETCORE_CONTENTROOT or DOTNET_CONTENTROOT). A service manager starts
/// the process in whatever working directory it likes; reading settings from there silently ran the site on defaults.
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WebApplicationOptions { Args = args, ContentRootPath = IsNamed(args) ? null : AppContext.BaseDirectory };
    }

    private static bool IsNamed(string[] args) =>
        args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
