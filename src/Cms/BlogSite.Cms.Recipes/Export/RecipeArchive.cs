using System.IO.Compression;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Recipes.Export;

/// A recipe and its media files in one .zip: recipe.json at the root, files under media/, and a media step in the
/// recipe that points at them, so running the archive restores both.
public static class RecipeArchive
{
    public const string RecipeEntry = "recipe.json";

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

    /// Extracts an archive into a new temporary folder and returns the path of its recipe; the caller deletes the folder.
    public static async Task<string> ExtractAsync(string zipPath, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("blogsite-archive-").FullName;
        // ExtractToDirectory refuses entries that would land outside the folder.
        await ZipFile.ExtractToDirectoryAsync(zipPath, folder, cancellationToken);
        return Path.Combine(folder, RecipeEntry);
    }
}
