using System.Diagnostics;
using System.Reflection;

namespace BlogSite.Testing;

/// The site published with `dotnet publish`, once per test run however many tests start it, into a temporary folder
/// removed when the run ends.
public static class PublishedApplication
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    public static Task<string> FolderAsync() => Folder.Value;

    public static async Task<string> DllAsync() => Path.Combine(await FolderAsync(), "BlogSite.Web.dll");

    // Published in the configuration the tests were built in, so the build is already up to date. (--no-build would be
    // quicker still, but then the SDK copies the modules' _ViewImports.cshtml files and refuses the clashing paths.)
    private static async Task<string> PublishAsync()
    {
        var folder = Directory.CreateTempSubdirectory("blogsite-app-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var configuration = typeof(PublishedApplication).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", Path.Combine(RepositoryFolder.Find(), "src", "BlogSite.Web"), "-c", configuration, "-o", folder, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):{Environment.NewLine}{await output}{await error}");
        }

        return folder;
    }
}
