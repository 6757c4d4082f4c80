using BlogSite.Cms.Content.Fields;

namespace BlogSite.Blog.Parts;

/// The blog post's own fields. Orchard Core keeps a type's fields in a part named after the type, so this record is
/// named after the type too.
public sealed record BlogPost(
    TextField? Subtitle = null, MediaField? Image = null, TaxonomyField? Category = null, TaxonomyField? Tags = null,
    TextField? Excerpt = null, TextField? ImageCaption = null)
{
    /// The fields the post's page and editor lay out in places of their own; any other field the type gains gets its
    /// kind's default input and display.
    public static IReadOnlyList<string> LaidOutFields { get; } =
        [nameof(Subtitle), nameof(Image), nameof(Category), nameof(Tags), nameof(Excerpt), nameof(ImageCaption)];

    public string? FirstImage => Image?.Paths is [var first, ..] && first.Length > 0 ? first : null;

    /// The featured image's alt text: Orchard Core keeps it in the media field's MediaTexts, one per path.
    public string? ImageAlt => Image?.MediaTexts is [var first, ..] && first.Length > 0 ? first : null;

    /// The author's own summary for lists, feeds and the meta description, when they wrote one.
    public string? OwnExcerpt => Excerpt?.Text is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    public string? CategoryId => Category?.TermContentItemIds is [var first, ..] ? first : null;
}
