using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace BlogSite.Testing;

/// The site published with `dotnet publish` and started as a service manager starts it: `dotnet BlogSite.Web.dll`
/// with the working directory in another folder and only its data paths set, on its own SQLite file and port.
public sealed class PublishedSite : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-published-").FullName;
    private SiteProcess? process;

    public string ApplicationFolder => Path.Combine(folder, "app");

    public Uri Address { get; } = new($"http://127.0.0.1:{FreePort()}/");

    public SiteProcess Process => process ?? throw new InvalidOperationException("The site has not started.");

    public async Task InitializeAsync()
    {
        await PublishAsync();
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

    // Published in the configuration the tests were built in, so the build is already up to date. (--no-build would be
    // quicker still, but then the SDK copies the modules' _ViewImports.cshtml files and refuses the clashing paths.)
    private async Task PublishAsync()
    {
        var configuration = typeof(PublishedSite).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", Path.Combine(RepositoryFolder.Find(), "src", "BlogSite.Web"), "-c", configuration, "-o", ApplicationFolder, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):{Environment.NewLine}{await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
