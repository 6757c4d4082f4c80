using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BlogSite.Testing;

/// Debian's nginx on a loopback port, run by the test user from a folder of its own: serving a folder of saved pages
/// as a static site would be (the yardstick the cached site is measured against), or balancing BlogSite nodes as
/// deploy/nginx-blogsite.conf does.
public sealed partial class Nginx : IAsyncDisposable
{
    private readonly string folder;

    private Nginx(string folder, int port)
    {
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static Task<Nginx> StartAsync(string folder, string root, int port) =>
        StartAsync(folder, port, $$"""
            default_type text/html;
            server {
                listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                root {{root}};
                location / { try_files $uri =404; }
            }
            """);

    /// nginx in front of <paramref name="nodes"/> with deploy/nginx-blogsite.conf itself: only its node addresses, its
    /// listening address and its server name are changed.
    public static async Task<Nginx> BalanceAsync(string folder, int port, IEnumerable<Uri> nodes)
    {
        var listen = $"listen 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)};";
        var servers = string.Join("\n    ", nodes.Select(n => $"server {n.Host}:{n.Port.ToString(CultureInfo.InvariantCulture)} max_fails=1 fail_timeout=10s;"));
        var deployed = await File.ReadAllTextAsync(Path.Combine(RepositoryFolder.Find(), "deploy", "nginx-blogsite.conf"));
        var site = NodeLines().Replace(deployed, "", 1);
        site = site.Replace("upstream blogsite {", "upstream blogsite {\n    " + servers, StringComparison.Ordinal)
            .Replace("listen 80;", listen, StringComparison.Ordinal)
            .Replace("listen [::]:80;", "", StringComparison.Ordinal)
            .Replace("server_name blog.example.org;", "server_name _;", StringComparison.Ordinal);
        // No temporary files: the test's folder is private to the user running it, not to nginx's workers.
        return await StartAsync(folder, port, "proxy_max_temp_file_size 0;\n" + site);
    }

    [GeneratedRegex(@"(^\s*server 127\.0\.0\.1:\d+ [^\n]*\n)+", RegexOptions.Multiline)]
    private static partial Regex NodeLines();

    private static async Task<Nginx> StartAsync(string folder, int port, string http)
    {
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes auto;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                keepalive_requests 100000;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{http}}
            }
            """);
        await RunAsync("-c", config);
        return new Nginx(folder, port);
    }

    public async ValueTask DisposeAsync() => await RunAsync("-c", Path.Combine(folder, "nginx.conf"), "-s", "stop");

    private static async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("nginx") { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"nginx {string.Join(' ', arguments)} failed: {errors}");
        }
    }
}
