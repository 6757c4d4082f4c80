using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;

namespace BlogSite.Blog;

/// The blog's content types, declared in code as Orchard Core's Blog recipe declares them in JSON.
public static class BlogContentDefinitions
{
    public const string Blog = "Blog";
    public const string BlogPost = "BlogPost";
    public const string Category = "Category";
    public const string Tag = "Tag";

    public static ContentDefinitionDocument Build() => new ContentDefinitionBuilder()
        .Type(Blog, "Blog", type => type
            .Settings("ContentTypeSettings", Creatable())
            .Part("TitlePart")
            .Part("AutoroutePart", ("AutoroutePartSettings", new JsonObject { ["AllowCustomPath"] = true, ["ShowHomepageOption"] = true }))
            .Part("HtmlBodyPart")
            .Part(Blog)
            .Part("ListPart", ("ListPartSettings", new JsonObject { ["PageSize"] = 10, ["ContainedContentTypes"] = new JsonArray(BlogPost) })))
        .Part(Blog, part => part
            .Field("Image", "MediaField", "Banner Image", ("MediaFieldSettings", new JsonObject { ["Multiple"] = false })))
        .Type(BlogPost, "Blog Post", type => type
            .Settings("ContentTypeSettings", new JsonObject { ["Draftable"] = true, ["Versionable"] = true })
            .Part("TitlePart")
            .Part("AutoroutePart", ("AutoroutePartSettings", new JsonObject
            {
                ["AllowCustomPath"] = true,
                ["Pattern"] = "blog/{{ Model.ContentItem | display_text | slugify }}",
            }))
            .Part("MarkdownBodyPart")
            .Part("ContainedPart")
            .Part(BlogPost))
        .Part(BlogPost, part => part
            .Field("Subtitle", "TextField", "Subtitle")
            .Field("Image", "MediaField", "Banner Image", ("MediaFieldSettings", new JsonObject { ["Multiple"] = false }))
            .Field("Category", "TaxonomyField", "Category", ("TaxonomyFieldSettings", new JsonObject
            {
                ["TaxonomyContentItemId"] = BlogTaxonomies.CategoriesContentItemId,
                ["Unique"] = true,
                ["LeavesOnly"] = true,
            }))
            .Field("Tags", "TaxonomyField", "Tags", ("TaxonomyFieldSettings", new JsonObject
            {
                ["TaxonomyContentItemId"] = BlogTaxonomies.TagsContentItemId,
                ["Open"] = true,
            })))
        .Type(Category, "Category", type => type
            .Part("TitlePart")
            .Part("AutoroutePart", ("AutoroutePartSettings", new JsonObject { ["AllowCustomPath"] = true }))
            .Part(Category))
        .Type(Tag, "Tag", type => type
            .Part("TitlePart")
            .Part("AutoroutePart", ("AutoroutePartSettings", new JsonObject { ["AllowCustomPath"] = true }))
            .Part(Tag))
        .Build();

    private static JsonObject Creatable() =>
        new() { ["Creatable"] = true, ["Draftable"] = true, ["Versionable"] = true, ["Listable"] = true };
}
