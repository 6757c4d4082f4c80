using System.Globalization;
using System.Text;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Recipes.Export;

/// An export as a file to download: the recipe as .json, or as .zip with the media files it uses, named by the time
/// it was made.
public sealed class ExportDownload(RecipeExporter exporter, MediaStore media, TimeProvider clock)
{
    public async Task<(byte[] Content, string ContentType, string FileName)> CreateAsync(
        ExportOptions options, bool zip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var recipe = await exporter.ExportAsync(options, cancellationToken);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        if (!zip)
        {
            return (Encoding.UTF8.GetBytes(recipe.ToJsonString(ContentJson.Indented)), "application/json", $"blogsite-{stamp}.recipe.json");
        }

        var files = options.WholeSite ? media.AllFiles() : await exporter.MediaPathsAsync(options, cancellationToken);
        var archive = Path.Combine(Path.GetTempPath(), $"blogsite-export-{Guid.NewGuid():N}.zip");
        try
        {
            await RecipeArchive.WriteAsync(archive, recipe, media, files, cancellationToken);
            return (await File.ReadAllBytesAsync(archive, cancellationToken), "application/zip", $"blogsite-{stamp}.zip");
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
