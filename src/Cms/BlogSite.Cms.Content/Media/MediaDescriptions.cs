using BlogSite.Cms.Content.Storage;

namespace BlogSite.Cms.Content.Media;

/// What each image shows (its alt text) and its caption, kept once per file, so every place that inserts the image
/// (the editor's image dialog, the featured image) starts from the same words instead of an empty field.
public sealed class MediaDescriptions(DocumentStore documents)
{
    private const string DocumentKey = "MediaDescriptions";

    public async Task<IReadOnlyDictionary<string, MediaDescription>> AllAsync(CancellationToken cancellationToken = default) =>
        await documents.GetAsync<Dictionary<string, MediaDescription>>(DocumentKey, cancellationToken);

    /// Empty words remove the description.
    public async Task SetAsync(string mediaPath, string? alt, string? caption, CancellationToken cancellationToken = default)
    {
        var all = await documents.GetAsync<Dictionary<string, MediaDescription>>(DocumentKey, cancellationToken);
        var description = new MediaDescription(Clean(alt), Clean(caption));
        if (description is { Alt: null, Caption: null })
        {
            all.Remove(mediaPath);
        }
        else
        {
            all[mediaPath] = description;
        }

        await documents.SaveAsync(DocumentKey, all, cancellationToken);
    }

    public async Task ForgetAsync(string mediaPath, CancellationToken cancellationToken = default)
    {
        var all = await documents.GetAsync<Dictionary<string, MediaDescription>>(DocumentKey, cancellationToken);
        if (all.Remove(mediaPath))
        {
            await documents.SaveAsync(DocumentKey, all, cancellationToken);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings(" ");
}

public sealed record MediaDescription(string? Alt, string? Caption);
