using System.IO.Compression;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Recipes.Export;

/// A recipe and its media files in one .zip, laid out as Orchard Core's deployment packages are: Recipe.json at the
/// root, files under media/, and a media step in the recipe that points at them, so running the archive restores both.
public static class RecipeArchive
{
    /// Orchard Core reads Recipe.json; archives BlogSite wrote before used recipe.json, and both are read.
    public const string RecipeEntry = "Recipe.json";

    private const int MaxEntries = 200_000;
    private const long MaxExtractedBytes = 8L * 1024 * 1024 * 1024;

    public static async Task WriteAsync(string zipPath, JsonObject recipe, MediaStore media, IEnumerable<string> mediaPaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(media);
        var files = mediaPaths.Where(p => MediaStore.Problem(p) is null && media.Exists(p)).Distinct(StringComparer.Ordinal).ToList();
        var copy = (JsonObject)recipe.DeepClone();
        if (files.Count > 0)
        {
            copy["steps"]!.AsArray().Add(new JsonObject
            {
                ["name"] = "media",
                ["Files"] = new JsonArray([.. files.Select(f => new JsonObject { ["TargetPath"] = f, ["SourcePath"] = $"media/{f}" })]),
            });
        }

        await using var zip = await ZipFile.OpenAsync(zipPath, ZipArchiveMode.Create, cancellationToken);
        var entry = zip.CreateEntry(RecipeEntry, CompressionLevel.Optimal);
        await using (var writer = new StreamWriter(await entry.OpenAsync(cancellationToken)))
        {
            await writer.WriteAsync(copy.ToJsonString(ContentJson.Indented));
        }

        foreach (var file in files)
        {
            await zip.CreateEntryFromFileAsync(Path.Combine(media.Root, file), $"media/{file}", CompressionLevel.Optimal, cancellationToken);
        }
    }

    /// Extracts an archive into a new temporary folder and returns the folder; the caller deletes it.
    public static async Task<string> ExtractAsync(string zipPath, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("blogsite-archive-").FullName;
        try
        {
            // Checked before anything is written: entries that would land outside the folder ("../"), and archives
            // that would fill the disk (a small zip can hold gigabytes of zeros).
            using (var zip = await ZipFile.OpenReadAsync(zipPath, cancellationToken))
            {
                if (zip.Entries.FirstOrDefault(e => !Path.GetFullPath(Path.Combine(folder, e.FullName)).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)) is { } outside)
                {
                    throw new InvalidDataException($"its entry '{outside.FullName}' would be written outside the archive's folder");
                }

                if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxExtractedBytes)
                {
                    throw new InvalidDataException($"it holds more than {MaxEntries:N0} files or {MaxExtractedBytes / 1024 / 1024 / 1024} GB once extracted");
                }

                zip.ExtractToDirectory(folder);
            }

            return folder;
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// The recipe at the root of an extracted archive: Recipe.json, or recipe.json in any case; null when there is none.
    public static string? RecipeIn(string folder) =>
        Directory.EnumerateFiles(folder).Where(f => string.Equals(Path.GetFileName(f), RecipeEntry, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f) == RecipeEntry ? 0 : 1).FirstOrDefault();
}
