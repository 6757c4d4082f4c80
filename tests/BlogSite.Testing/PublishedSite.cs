using System.Net;
using System.Net.Sockets;

namespace BlogSite.Testing;

/// The site published with `dotnet publish` and started as a service manager starts it: `dotnet BlogSite.Web.dll`
/// with the working directory in another folder and only its data paths set, on its own SQLite file and port.
public sealed class PublishedSite : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-published-").FullName;
    private SiteProcess? process;

    public string ApplicationFolder { get; private set; } = "";

    public Uri Address { get; } = new($"http://127.0.0.1:{FreePort()}/");

    public SiteProcess Process => process ?? throw new InvalidOperationException("The site has not started.");

    public async Task InitializeAsync()
    {
        ApplicationFolder = await PublishedApplication.FolderAsync();
        var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
        process = SiteProcess.Start(Path.Combine(ApplicationFolder, "BlogSite.Web.dll"), data, new Dictionary<string, string>
        {
            ["BlogSite__Database__ConnectionString"] = $"Data Source={Path.Combine(data, "site.db")}",
            ["BlogSite__Media__Path"] = Path.Combine(data, "media"),
            ["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/'),
        });
        await process.WaitUntilServingAsync(new Uri(Address, "/health"), TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
