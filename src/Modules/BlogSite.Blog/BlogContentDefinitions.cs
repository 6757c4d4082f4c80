using BlogSite.Blog.Parts;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Parts;

namespace BlogSite.Blog;

/// The site's content types (the blog, its posts and taxonomies' terms, pages), declared in code as Orchard Core's
/// Blog recipe declares them in JSON.
public static class BlogContentDefinitions
{
    public const string Blog = "Blog";
    public const string BlogPost = nameof(Parts.BlogPost);
    public const string Category = "Category";
    public const string Tag = "Tag";
    public const string Page = "Page";

    /// Terms are routed by their taxonomy, as Orchard Core's term types are set up.
    private static readonly AutoroutePartSettings TermRoutes =
        new(AllowCustomPath: true, Pattern: "{{ Model.ContentItem | display_text | slugify }}", ManageContainedItemRoutes: true);

    public static ContentDefinitionDocument Build() => new ContentDefinitionBuilder()
        .Type(Blog, "Blog", type => type
            .Settings(new ContentTypeSettings(Creatable: true, Listable: true, Draftable: true, Versionable: true))
            .Part<TitlePart>()
            .Part<AutoroutePart>(new AutoroutePartSettings(AllowCustomPath: true, ShowHomepageOption: true))
            .Part<HtmlBodyPart>()
            .NamedPart(Blog, Blog)
            .Part<ListPart>(new ListPartSettings(PageSize: 10, ContainedContentTypes: [BlogPost])))
        .Part(Blog, part => part
            .Field<MediaField>("Image", "Banner Image", new MediaFieldSettings(Multiple: false)))
        .Type(BlogPost, "Blog Post", type => type
            .Settings(new ContentTypeSettings(Draftable: true, Versionable: true))
            .Part<TitlePart>()
            .Part<AutoroutePart>(new AutoroutePartSettings(AllowCustomPath: true, Pattern: "blog/{{ Model.ContentItem | display_text | slugify }}"))
            .Part<MarkdownBodyPart>()
            .Part<ContainedPart>()
            .Part<Parts.BlogPost>()
            .Part<SeoMetaPart>())
        .Part<Parts.BlogPost>(part => part
            .Field<TextField>(nameof(Parts.BlogPost.Subtitle), "Subtitle")
            .Field<MediaField>(nameof(Parts.BlogPost.Image), "Banner Image", new MediaFieldSettings(Multiple: false))
            .Field<TaxonomyField>(nameof(Parts.BlogPost.Category), "Category", new TaxonomyFieldSettings(
                BlogTaxonomies.CategoriesContentItemId, Unique: true, LeavesOnly: true))
            .Field<TaxonomyField>(nameof(Parts.BlogPost.Tags), "Tags", new TaxonomyFieldSettings(
                BlogTaxonomies.TagsContentItemId, Open: true))
            .Field<TextField>(nameof(Parts.BlogPost.Excerpt), "Excerpt")
            .Field<TextField>(nameof(Parts.BlogPost.ImageCaption), "Banner Image Caption"))
        .Type(Category, "Category", type => type
            .Part<TitlePart>()
            .Part<AutoroutePart>(TermRoutes)
            .NamedPart(Category, Category))
        .Type(Tag, "Tag", type => type
            .Part<TitlePart>()
            .Part<AutoroutePart>(TermRoutes)
            .NamedPart(Tag, Tag))
        .Type(Page, "Page", type => type
            .Settings(new ContentTypeSettings(Creatable: true, Listable: true, Draftable: true, Versionable: true))
            .Part<TitlePart>()
            .Part<AutoroutePart>(new AutoroutePartSettings(AllowCustomPath: true, Pattern: "{{ Model.ContentItem | display_text | slugify }}", ShowHomepageOption: true))
            .Part<MarkdownBodyPart>())
        .Build();
}
