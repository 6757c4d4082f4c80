using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BlogSite.Benchmarks.Load;

/// One wrk run (Debian's wrk, with --latency) and the figures it printed.
public sealed partial record Wrk(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Errors)
{
    public static async Task<Wrk> RunAsync(Uri url, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", url.AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed: {await process.StandardError.ReadToEndAsync()}");
        }

        return new Wrk(
            double.Parse(RequestsPerSecondLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(Percentile(output, "50")),
            Milliseconds(Percentile(output, "99")),
            Count(NonSuccessLine().Match(output)) + SocketErrors(output));
    }

    private static string Percentile(string output, string percent) =>
        Regex.Match(output, $@"^\s+{percent}%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;

    private static double Milliseconds(string value)
    {
        var match = DurationPattern().Match(value);
        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => number / 1000,
            "ms" => number,
            "s" => number * 1000,
            "m" => number * 60_000,
            _ => throw new FormatException($"wrk printed a duration this does not read: '{value}'."),
        };
    }

    private static long SocketErrors(string output)
    {
        var match = SocketErrorLine().Match(output);
        return match.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture)) : 0;
    }

    private static long Count(Match match) => match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorLine();

    [GeneratedRegex(@"^([\d.]+)(us|ms|s|m)$")]
    private static partial Regex DurationPattern();
}
