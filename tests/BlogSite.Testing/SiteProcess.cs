using System.Diagnostics;
using System.Globalization;

namespace BlogSite.Testing;

/// The published site as an operator starts it (`dotnet BlogSite.Web.dll`, working directory elsewhere), with its
/// settings in environment variables; watches its peak resident memory while it runs.
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly CancellationTokenSource watching = new();
    private readonly Task watcher;
    // Time since start is kept by a stopwatch, not Process.StartTime, which is derived from the boot time and the wall clock:
    // on this VM the two drift apart, and the harness once printed 35 s cold starts for a site that started in 2 s.
    private readonly Stopwatch sinceStart;

    private SiteProcess(Process process, string logPath, Stopwatch sinceStart)
    {
        this.process = process;
        this.sinceStart = sinceStart;
        LogPath = logPath;
        watcher = WatchMemoryAsync(watching.Token);
    }

    /// The file its standard output goes to (standard error goes to the same name with ".err").
    public string LogPath { get; }

    /// The highest resident set size seen, in megabytes (Linux VmHWM, read until the process ends).
    public double PeakMegabytes { get; private set; }

    public static SiteProcess Start(string siteDll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(siteDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = Path.Combine(workingDirectory, $"site-{process.Id.ToString(CultureInfo.InvariantCulture)}.log");
        // Unbuffered, so a test can read what the site has logged so far.
        _ = process.StandardOutput.BaseStream.CopyToAsync(new FileStream(log, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1));
        _ = process.StandardError.BaseStream.CopyToAsync(new FileStream(log + ".err", FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1));
        return new SiteProcess(process, log, sinceStart);
    }

    /// Everything the site has written to its standard output so far.
    public async Task<string> ReadLogAsync()
    {
        await using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    /// Runs a command-line verb of the site to its end; throws with its output when it fails.
    public static async Task<(TimeSpan Elapsed, double PeakMegabytes)> RunAsync(
        string siteDll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        await using var run = Start(siteDll, workingDirectory, environment, arguments);
        await run.process.WaitForExitAsync();
        clock.Stop();
        await run.StopWatchingAsync();
        if (run.process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', arguments)}' exited with {run.process.ExitCode}; see the logs in {workingDirectory}.");
        }

        return (clock.Elapsed, run.PeakMegabytes);
    }

    /// Waits for the first 200 from <paramref name="url"/>; returns how long after start it came.
    public async Task<TimeSpan> WaitUntilServingAsync(Uri url, TimeSpan limit)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        while (sinceStart.Elapsed < limit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {process.ExitCode} before serving.");
            }

            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return sinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{url} did not answer within {limit}.");
    }

    /// Ends the process at once (SIGKILL), as a crash or the kernel's out-of-memory killer would.
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await StopWatchingAsync();
        process.Dispose();
        watching.Dispose();
    }

    private async Task StopWatchingAsync()
    {
        await watching.CancelAsync();
        try
        {
            await watcher;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }
    }

    private async Task WatchMemoryAsync(CancellationToken cancellationToken)
    {
        var status = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status, cancellationToken))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        var kilobytes = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                        PeakMegabytes = Math.Max(PeakMegabytes, kilobytes / 1024);
                    }
                }
            }
            catch (IOException)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
