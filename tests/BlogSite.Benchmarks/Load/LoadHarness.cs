using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using BlogSite.Testing;

namespace BlogSite.Benchmarks.Load;

/// `load --site PUBLISHED.dll --posts 18,100000 [--database sqlite,postgresql] [--seconds 5] [--connections 32]
/// [--pairs 3] [--work DIR] [--reimport]`: for each database and size, sets up a site (the bundled recipe for 18
/// posts, a generated realistic recipe imported with `recipe run` otherwise), saves the pages readers ask for into a
/// folder nginx serves, and drives nginx, the cached site and the uncached site with wrk one after another in the same
/// run; prints one table per database and size with req/s, p50, p99, errors, bytes, the cached/nginx ratio (the median
/// of --pairs side-by-side pairs, with their range), peak resident memory, cold start (right after the import and
/// after a restart) and import figures.
public static partial class LoadHarness
{
    private const int SitePort = 5077;
    private const int NginxPort = 5078;

    public static async Task<int> RunAsync(string[] args)
    {
        var site = Path.GetFullPath(Option(args, "--site") ?? throw new ArgumentException("--site PUBLISHED/BlogSite.Web.dll is required."));
        var sizes = (Option(args, "--posts") ?? "18,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var seconds = int.Parse(Option(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
        var connections = int.Parse(Option(args, "--connections") ?? "32", CultureInfo.InvariantCulture);
        var pairs = int.Parse(Option(args, "--pairs") ?? "3", CultureInfo.InvariantCulture);
        if (pairs < 1)
        {
            throw new ArgumentException("--pairs must be 1 or more: how many nginx/cached pairs each page is measured in.");
        }

        var work = Path.GetFullPath(Option(args, "--work") ?? Path.Combine(Path.GetTempPath(), "blogsite-load"));
        var reimport = args.Contains("--reimport");
        var databases = (Option(args, "--database") ?? "sqlite").Split(',').Select(LoadDatabase.Parse).ToList();

        var report = new StringBuilder();
        foreach (var (database, posts) in databases.SelectMany(d => sizes.Select(posts => (d, posts))))
        {
            var folder = Path.Combine(work, $"{database.Name}-{posts.ToString(CultureInfo.InvariantCulture)}");
            report.AppendLine(await MeasureAsync(site, database, posts, new Load(seconds, connections, pairs), folder, reimport));
        }

        Console.WriteLine();
        Console.WriteLine(report);
        return 0;
    }

    private static async Task<string> MeasureAsync(string site, LoadDatabase database, int posts, Load load, string folder, bool reimport)
    {
        var (seconds, connections, _) = load;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        RefuseBusyPort(SitePort);
        RefuseBusyPort(NginxPort);
        var baseUrl = new Uri($"http://127.0.0.1:{SitePort.ToString(CultureInfo.InvariantCulture)}/");
        var environment = new Dictionary<string, string>(await database.CreateAsync(folder, posts))
        {
            ["BlogSite__Media__Path"] = Path.Combine(folder, "media"),
            ["BlogSite__Setup__AdminPassword"] = "Load-harness-42!",
            ["ASPNETCORE_URLS"] = baseUrl.AbsoluteUri.TrimEnd('/'),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var notes = new List<string>();
        if (posts != 18)
        {
            var recipe = Path.Combine(folder, "generated.recipe.json");
            Console.WriteLine($"Generating {posts:N0} posts...");
            GeneratedRecipe.Write(recipe, posts);
            var megabytes = new FileInfo(recipe).Length / 1024.0 / 1024.0;
            Console.WriteLine("Importing with `recipe run`...");
            var (elapsed, peak) = await SiteProcess.RunAsync(site, folder, environment, "recipe", "run", recipe);
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"import of {posts:N0} new posts ({megabytes:N0} MB recipe): {elapsed.TotalSeconds:N1} s, peak {peak:N0} MB"));
            if (reimport)
            {
                GeneratedRecipe.Write(recipe, posts, edition: 1);
                Console.WriteLine("Importing a changed export of every post (updates)...");
                (elapsed, peak) = await SiteProcess.RunAsync(site, folder, environment, "recipe", "run", recipe);
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"re-import updating all {posts:N0} posts: {elapsed.TotalSeconds:N1} s, peak {peak:N0} MB"));
            }

            File.Delete(recipe);
        }

        // The Base URL is set the operator's way, with a recipe, so pages are cached for requests to it.
        var settings = Path.Combine(folder, "base-url.recipe.json");
        await File.WriteAllTextAsync(settings, $$"""{ "name": "BaseUrl", "steps": [ { "name": "settings", "BaseUrl": "{{baseUrl.AbsoluteUri.TrimEnd('/')}}" } ] }""");
        if (posts == 18)
        {
            // The first start sets the site up from the bundled recipe.
            RefuseBusyPort(SitePort);
            await using var setup = SiteProcess.Start(site, folder, environment);
            await setup.WaitUntilServingAsync(baseUrl, TimeSpan.FromMinutes(2));
        }

        await SiteProcess.RunAsync(site, folder, environment, "recipe", "run", settings);

        var rows = new List<PageRow>();
        var pagesFolder = Path.Combine(folder, "pages");
        Directory.CreateDirectory(pagesFolder);
        TimeSpan coldStart;
        double cachedPeak;
        RefuseBusyPort(SitePort);
        await using (var cached = SiteProcess.Start(site, folder, environment))
        {
            coldStart = await cached.WaitUntilServingAsync(baseUrl, TimeSpan.FromMinutes(2));
            var pages = await DiscoverAsync(baseUrl);
            using var client = new HttpClient { BaseAddress = baseUrl };
            for (var i = 0; i < pages.Count; i++)
            {
                var bytes = await client.GetByteArrayAsync(pages[i].Path);
                await File.WriteAllBytesAsync(Path.Combine(pagesFolder, $"page{i.ToString(CultureInfo.InvariantCulture)}.html"), bytes);
                rows.Add(new PageRow(pages[i].Name, pages[i].Path, bytes.Length));
            }

            await WarmUpAsync("cached", baseUrl, rows, connections);
            await using (var nginx = await Nginx.StartAsync(Path.Combine(folder, "nginx"), pagesFolder, NginxPort))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    var file = new Uri($"http://127.0.0.1:{NginxPort.ToString(CultureInfo.InvariantCulture)}/page{i.ToString(CultureInfo.InvariantCulture)}.html");
                    Console.WriteLine($"nginx and cached {rows[i].Path}");
                    rows[i] = rows[i] with { Pairs = await SideBySideAsync(file, new Uri(baseUrl, rows[i].Path), load) };
                }
            }

            cachedPeak = cached.PeakMegabytes;
        }

        double uncachedPeak;
        TimeSpan restart;
        var uncachedEnvironment = new Dictionary<string, string>(environment) { ["BlogSite__OutputCache__Enabled"] = "false" };
        RefuseBusyPort(SitePort);
        await using (var uncached = SiteProcess.Start(site, folder, uncachedEnvironment))
        {
            restart = await uncached.WaitUntilServingAsync(baseUrl, TimeSpan.FromMinutes(2));
            await WarmUpAsync("uncached", baseUrl, rows, connections);
            foreach (var (row, i) in rows.Select((r, i) => (r, i)).ToList())
            {
                Console.WriteLine($"uncached {row.Path}");
                await Wrk.RunAsync(new Uri(baseUrl, row.Path), connections, 2);
                rows[i] = row with { Uncached = await Wrk.RunAsync(new Uri(baseUrl, row.Path), connections, seconds) };
            }

            uncachedPeak = uncached.PeakMegabytes;
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"cold start to the first page: {coldStart.TotalSeconds:N2} s right after the import, {restart.TotalSeconds:N2} s after a restart"));
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"peak resident memory: {cachedPeak:N0} MB cached run, {uncachedPeak:N0} MB uncached run"));
        return Table(database, posts, load, rows, notes);
    }

    /// Runs nginx and then the cached site straight after, --pairs times, so both halves of each ratio meet the machine
    /// in the same state: on this shared machine a run of every nginx page and then every cached page put minutes between
    /// the two halves, and nginx alone moved by a third in that time. Even side by side, one 5-second pair of a small
    /// page swung by ±20 % between runs (which page fell under 0.8 changed from run to run), so the table gives the
    /// median pair and the range of all of them.
    private static async Task<List<SideBySide>> SideBySideAsync(Uri file, Uri page, Load load)
    {
        await Wrk.RunAsync(file, load.Connections, 2);
        await Wrk.RunAsync(page, load.Connections, 2);
        var pairs = new List<SideBySide>();
        for (var round = 0; round < load.Pairs; round++)
        {
            var pair = new SideBySide(await Wrk.RunAsync(file, load.Connections, load.Seconds), await Wrk.RunAsync(page, load.Connections, load.Seconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  nginx {pair.Nginx.RequestsPerSecond:N0}, cached {pair.Cached.RequestsPerSecond:N0} req/s: {pair.Ratio:N2}"));
            pairs.Add(pair);
        }

        return pairs;
    }

    /// Loads every page in turn until a round runs at the speed of the round before (each page's req/s within 10 % on
    /// average) or six rounds have run. The JIT's tiering goes on for tens of seconds on two loaded cores: measured
    /// after four seconds of its own load, the 18-post home page ran at a quarter of the speed it settles at.
    /// A server left running on the port (a site started by hand, say) would answer in place of the one started here,
    /// and its figures would pass for the site's: one run measured a stray uncached site as the cached one that way.
    private static void RefuseBusyPort(int port)
    {
        using var probe = new TcpClient();
        try
        {
            probe.Connect(IPAddress.Loopback, port);
        }
        catch (SocketException)
        {
            return;
        }

        throw new InvalidOperationException($"Something already listens on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}; stop it and run again.");
    }

    private static async Task WarmUpAsync(string label, Uri baseUrl, IReadOnlyList<PageRow> rows, int connections)
    {
        double[]? previous = null;
        for (var round = 1; round <= 6; round++)
        {
            var current = new double[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                current[i] = (await Wrk.RunAsync(new Uri(baseUrl, rows[i].Path), connections, 2)).RequestsPerSecond;
            }

            var change = previous is null ? double.NaN : current.Zip(previous, (now, before) => Math.Abs(now - before) / Math.Max(before, 1)).Average();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} warm-up round {round}: {string.Join(' ', current.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} req/s"));
            if (change < 0.1)
            {
                return;
            }

            previous = current;
        }
    }

    private static string Table(LoadDatabase database, int posts, Load load, IReadOnlyList<PageRow> rows, IReadOnlyList<string> notes)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"### {posts:N0} posts on {database.DisplayName} — wrk -t2 -c{load.Connections} -d{load.Seconds}s, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        table.AppendLine();
        var ratioHeading = load.Pairs > 1 ? $"cached ÷ nginx, median of {load.Pairs} (range)" : "cached ÷ nginx";
        table.AppendLine(CultureInfo.InvariantCulture, $"| page | bytes | nginx req/s (p99 ms) | cached req/s (p50 / p99 ms) | {ratioHeading} | uncached req/s (p50 / p99 ms) | errors |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            var byRatio = row.Pairs.OrderBy(p => p.Ratio).ToList();
            var median = byRatio[byRatio.Count / 2];
            var (nginx, cached) = median;
            var uncached = row.Uncached!;
            var range = byRatio.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({byRatio[0].Ratio:N2}–{byRatio[^1].Ratio:N2})") : "";
            var errors = row.Pairs.Sum(p => p.Nginx.Errors + p.Cached.Errors) + uncached.Errors;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Name} `{row.Path}` | {row.Bytes:N0} | {nginx.RequestsPerSecond:N0} ({nginx.P99Milliseconds:N1}) | {cached.RequestsPerSecond:N0} ({cached.P50Milliseconds:N1} / {cached.P99Milliseconds:N1}) | {median.Ratio:N2}{range} | {uncached.RequestsPerSecond:N0} ({uncached.P50Milliseconds:N1} / {uncached.P99Milliseconds:N1}) | {errors} |");
        }

        table.AppendLine();
        foreach (var note in notes)
        {
            table.AppendLine("- " + note);
        }

        return table.ToString();
    }

    /// The pages the issue names, found from the home page: a post, a category, a tag (first and a deep page), a month,
    /// a deep home page, search, the feed and the sitemap.
    private static async Task<List<(string Name, string Path)>> DiscoverAsync(Uri baseUrl)
    {
        using var client = new HttpClient { BaseAddress = baseUrl };
        var home = await client.GetStringAsync("/");
        var pages = new List<(string, string)> { ("home", "/") };
        if (DeepPage(home) is { } deepHome)
        {
            pages.Add(("deep home", $"/?page={deepHome}"));
        }

        var links = Links().Matches(home).Select(m => m.Groups[1].Value).Distinct().ToList();
        pages.Add(("post", links.First(l => l.StartsWith("/blog/", StringComparison.Ordinal))));
        pages.Add(("category", links.FirstOrDefault(l => l == "/categories/sanctions") ?? links.First(l => l.StartsWith("/categories/", StringComparison.Ordinal))));
        var tag = links.FirstOrDefault(l => l == "/tags/shipping") ?? links.First(l => l.StartsWith("/tags/", StringComparison.Ordinal));
        pages.Add(("tag", tag));
        if (DeepPage(await client.GetStringAsync(tag)) is { } deepTag)
        {
            pages.Add(("deep tag", $"{tag}?page={deepTag}"));
        }

        var months = links.Where(l => l.StartsWith("/archive/", StringComparison.Ordinal)).ToList();
        pages.Add(("month", months[months.Count / 2]));
        pages.Add(("search", "/search?q=sanctions+shipping"));
        pages.Add(("feed", "/rss"));
        pages.Add(("sitemap", "/sitemap.xml"));
        return pages;
    }

    /// Half the highest page number a pager links to, or null when there is one page.
    private static int? DeepPage(string html)
    {
        var numbers = PageLinks().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return numbers.Count == 0 ? null : Math.Max(2, numbers.Max() / 2);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    [GeneratedRegex("href=\"(/[^\"?#]*)\"")]
    private static partial Regex Links();

    [GeneratedRegex(@"[?&]page=(\d+)")]
    private static partial Regex PageLinks();

    private sealed record Load(int Seconds, int Connections, int Pairs);

    private sealed record SideBySide(Wrk Nginx, Wrk Cached)
    {
        public double Ratio => Cached.RequestsPerSecond / Nginx.RequestsPerSecond;
    }

    private sealed record PageRow(string Name, string Path, int Bytes)
    {
        public List<SideBySide> Pairs { get; init; } = [];

        public Wrk? Uncached { get; init; }
    }
}
