using System.Diagnostics;
using System.Globalization;
using BlogSite.Testing;
using BlogSite.Web.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace BlogSite.Benchmarks;

/// `import N`: generates a recipe of N posts with categories and tags, imports it into a fresh SQLite database with
/// `recipe run` in this process, and prints the wall time and the process's peak memory.
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(int posts)
    {
        var folder = Directory.CreateTempSubdirectory("blogsite-bench-").FullName;
        try
        {
            var recipe = Path.Combine(folder, "generated.recipe.json");
            GeneratedRecipe.Write(recipe, posts);
            var settings = new Dictionary<string, string?>
            {
                ["BlogSite:Database:Provider"] = "Sqlite",
                ["BlogSite:Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}",
                ["BlogSite:Media:Path"] = Path.Combine(folder, "media"),
            };
            var fileMegabytes = new FileInfo(recipe).Length / 1024.0 / 1024.0;
            var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;

            var clock = Stopwatch.StartNew();
            var exit = await BlogSiteCommandLine.RunAsync(["recipe", "run", recipe], Console.Out, Console.Error, c => c.AddInMemoryCollection(settings));
            clock.Stop();

            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

                Import benchmark ({posts:N0} posts, recipe {fileMegabytes:N1} MB, SQLite, {Environment.ProcessorCount} cores)
                  exit code:        {exit}
                  wall time:        {clock.Elapsed.TotalSeconds:N1} s ({posts / clock.Elapsed.TotalSeconds:N0} posts/s)
                  peak memory:      {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB working set (before import: {peakBefore / 1024.0 / 1024.0:N0} MB)
                  managed heap now: {GC.GetTotalMemory(false) / 1024.0 / 1024.0:N0} MB
                """));
            return exit;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
