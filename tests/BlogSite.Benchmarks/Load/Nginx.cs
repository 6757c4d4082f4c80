using System.Diagnostics;
using System.Globalization;

namespace BlogSite.Benchmarks.Load;

/// Debian's nginx serving a folder of saved pages on a loopback port, configured as a static site would be: the
/// yardstick the cached site is measured against.
public sealed class Nginx : IAsyncDisposable
{
    private readonly string folder;

    private Nginx(string folder, int port)
    {
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<Nginx> StartAsync(string folder, string root, int port)
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
                default_type text/html;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                server {
                    listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                    root {{root}};
                    location / { try_files $uri =404; }
                }
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
