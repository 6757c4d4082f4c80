using System.Diagnostics;
using System.Globalization;

namespace BlogSite.Testing;

/// Debian's nginx on a loopback port, run by the test user from a folder of its own: serving a folder of saved pages
/// as a static site would be (the yardstick the cached site is measured against), or balancing BlogSite nodes as
/// deploy/nginx-blogsite.conf does.
public sealed class Nginx : IAsyncDisposable
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

    /// nginx in front of <paramref name="nodes"/>, with deploy/nginx-blogsite.conf's upstream and retry settings.
    public static Task<Nginx> BalanceAsync(string folder, int port, IEnumerable<Uri> nodes) =>
        StartAsync(folder, port, $$"""
            upstream blogsite {
                {{string.Join("\n    ", nodes.Select(n => $"server {n.Host}:{n.Port.ToString(CultureInfo.InvariantCulture)} max_fails=1 fail_timeout=10s;"))}}
                keepalive 32;
            }
            server {
                listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                location / {
                    proxy_pass http://blogsite;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_next_upstream error timeout http_502 http_503 http_504;
                    proxy_next_upstream_tries 2;
                    proxy_connect_timeout 2s;
                    # No temporary files: the test's folder is private to the user running it, not to nginx's workers.
                    proxy_max_temp_file_size 0;
                }
            }
            """);

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
