using System.ComponentModel.DataAnnotations;
using BlogSite.Cms.Content.Markdown;

namespace BlogSite.Blog.Editing;

/// What the post editor posts. Dates are in the site's time zone; the concurrency stamp is the version the editor
/// started from. A draft may be untitled (it is kept as "Untitled" from the first keystroke); publishing needs a title.
public sealed class PostForm
{
    public const string UntitledName = "Untitled";

    [StringLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    /// Neither a title nor a slug yet: the draft has no address until it gets one.
    public bool IsUntitled => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Slug);

    [StringLength(200, ErrorMessage = "Keep the slug under 200 characters.")]
    [Display(Name = "Slug")]
    public string? Slug { get; set; }

    [StringLength(300, ErrorMessage = "Keep the subtitle under 300 characters.")]
    [Display(Name = "Subtitle")]
    public string? Subtitle { get; set; }

    [MarkdownWithinLimits]
    [Display(Name = "Body (Markdown)")]
    public string? Markdown { get; set; }

    [Display(Name = "Category")]
    public string? CategoryId { get; set; }

    [TagListWithinLimits]
    [Display(Name = "Tags")]
    public string? Tags { get; set; }

    [Display(Name = "Featured image")]
    public string? ImagePath { get; set; }

    [StringLength(300, ErrorMessage = "Keep the alt text under 300 characters; a caption can say more.")]
    [Display(Name = "Alt text")]
    public string? ImageAlt { get; set; }

    [StringLength(500, ErrorMessage = "Keep the caption under 500 characters.")]
    [Display(Name = "Caption")]
    public string? ImageCaption { get; set; }

    [StringLength(1000, ErrorMessage = "Keep the excerpt under 1,000 characters.")]
    [Display(Name = "Excerpt")]
    public string? Excerpt { get; set; }

    [StringLength(200, ErrorMessage = "Keep the SEO title under 200 characters.")]
    [Display(Name = "SEO title")]
    public string? SeoTitle { get; set; }

    [StringLength(500, ErrorMessage = "Keep the meta description under 500 characters.")]
    [Display(Name = "Meta description")]
    public string? MetaDescription { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the canonical address under 2,000 characters.")]
    [Display(Name = "Canonical address")]
    public string? CanonicalUrl { get; set; }

    [Display(Name = "Publish date")]
    public DateTime? PublishDate { get; set; }

    /// The user the post is credited to; only editors who may edit anyone's posts may change it.
    [Display(Name = "Author")]
    public string? OwnerId { get; set; }

    public string? ConcurrencyStamp { get; set; }

    /// The fields the post's type has beyond those above, by input key ("BlogPost.SourceUrl.Url").
    public Dictionary<string, string?> Extra { get; set; } = [];

    public IReadOnlyList<string> TagNames() =>
        [.. (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}
