using BlogSite.Blog.Parts;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BlogSite.UnitTests.Recipes.TestRecipes;

namespace BlogSite.UnitTests.Content.Taxonomies;

public sealed class TaxonomyEditorTests : IAsyncLifetime
{
    private const string Tags = "tags000000000000000000000a";
    private const string Post = "post00000000000000000000001";
    private readonly TestStore store = new();

    public async Task InitializeAsync()
    {
        await store.InitializeAsync();
        var taxonomy = $$"""
            {
              "ContentItemId": "{{Tags}}", "ContentType": "Taxonomy", "DisplayText": "Tags", "Latest": true, "Published": true,
              "TitlePart": { "Title": "Tags" }, "AutoroutePart": { "Path": "tags", "RouteContainedItems": true },
              "TaxonomyPart": { "TermContentType": "Tag", "Terms": [
                { "ContentItemId": "t1", "ContentType": "Tag", "DisplayText": "Sanctions", "TitlePart": { "Title": "Sanctions" }, "AutoroutePart": { "Path": "sanctions" } },
                { "ContentItemId": "t2", "ContentType": "Tag", "DisplayText": "Sanction", "TitlePart": { "Title": "Sanction" }, "AutoroutePart": { "Path": "sanction" },
                  "Terms": [ { "ContentItemId": "t3", "ContentType": "Tag", "DisplayText": "Child", "TitlePart": { "Title": "Child" }, "AutoroutePart": { "Path": "child" } } ] }
              ] }
            }
            """;
        var tagged = Post(Post, "blog/tagged", "Tagged", extra: $$""", "BlogPost": { "Tags": { "TaxonomyContentItemId": "{{Tags}}", "TermContentItemIds": [ "t2", "t3" ], "TagNames": [ "Sanction", "Child" ] } }""");
        await store.RunAsync(With(EnableBlog, ContentStep(taxonomy, tagged)));
    }

    public Task DisposeAsync() => store.DisposeAsync();

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = store.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private Task<bool> EditAsync(Func<TaxonomyEditor, Task> edit) =>
        WithAsync(async services => { await edit(services.GetRequiredService<TaxonomyEditor>()); return true; });

    private Task<IReadOnlyList<Cms.Content.Indexes.TermIndex>> TreeAsync() =>
        WithAsync(services => services.GetRequiredService<TermCatalog>().TreeAsync(Tags));

    private Task<TaxonomyField?> PostTagsAsync() =>
        WithAsync(async services => (await services.GetRequiredService<ContentStore>().GetPublishedAsync(Post))!.As<BlogPost>()?.Tags);

    [Fact]
    public async Task RenamingAndReSluggingATermKeepsItsPostsAndRedirectsItsOldAddress()
    {
        await EditAsync(e => e.UpdateTermAsync(Tags, "t2", "Sanctions relief", "relief"));

        Assert.Contains(await TreeAsync(), t => t.TermContentItemId == "t2" && t.DisplayText == "Sanctions relief" && t.Path == "tags/relief");
        Assert.Equal(["Sanctions relief", "Child"], (await PostTagsAsync())!.TagNames);
        var old = await WithAsync(services => services.GetRequiredService<RouteResolver>().ResolveAsync("tags/sanction"));
        Assert.Equal("/tags/relief", old?.RedirectTo);
    }

    [Fact]
    public async Task MergingMovesEveryPostOfTheFirstTermToTheSecondAndRemovesTheFirst()
    {
        await EditAsync(e => e.MergeAsync(Tags, "t3", "t1"));

        var tags = await PostTagsAsync();
        Assert.Equal(["t2", "t1"], tags!.TermContentItemIds);
        Assert.Equal(["Sanction", "Sanctions"], tags.TagNames);
        Assert.DoesNotContain(await TreeAsync(), t => t.TermContentItemId == "t3");
        Assert.False(await store.QueryAsync(db => db.TaxonomyLinks.AnyAsync(l => l.TermContentItemId == "t3")));
    }

    [Fact]
    public async Task DeletingATermRemovesItAndItsChildrenFromThePostsThatUsedThem()
    {
        await EditAsync(e => e.DeleteTermAsync(Tags, "t2"));

        Assert.Equal(["t1"], (await TreeAsync()).Select(t => t.TermContentItemId));
        Assert.Empty((await PostTagsAsync())!.TermContentItemIds!);
    }

    [Fact]
    public async Task TermsAreReorderedAndNestedButNeverUnderThemselves()
    {
        await EditAsync(e => e.MoveAsync(Tags, "t2", -1));
        Assert.Equal(["t2", "t3", "t1"], (await TreeAsync()).Select(t => t.TermContentItemId));

        await EditAsync(e => e.SetParentAsync(Tags, "t1", "t3"));
        Assert.Contains(await TreeAsync(), t => t.TermContentItemId == "t1" && t.ParentTermContentItemId == "t3" && t.Level == 2);

        var refused = await Assert.ThrowsAsync<ContentEditException>(() => EditAsync(e => e.SetParentAsync(Tags, "t2", "t1")));
        Assert.Equal("ParentId", refused.Field);
    }

    [Fact]
    public async Task ASlugAnotherTermUsesIsRefusedForTheSlugField()
    {
        var refused = await Assert.ThrowsAsync<ContentEditException>(() => EditAsync(e => e.AddTermAsync(Tags, "Sanctions again", "sanctions", null)));

        Assert.Equal("Slug", refused.Field);
        Assert.Contains("sanctions", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await TreeAsync()).Count);
    }

    [Fact]
    public async Task TagsTypedInTheEditorAreFoundWhateverTheirCaseAndAddedWhenNew()
    {
        var ids = await WithAsync(services => services.GetRequiredService<TaxonomyEditor>().EnsureTermsAsync(Tags, ["sanctions", "Cyber crime", "SANCTIONS"]));

        Assert.Equal(2, ids.Count);
        Assert.Equal("t1", ids[0]);
        Assert.Contains(await TreeAsync(), t => t.TermContentItemId == ids[1] && t.DisplayText == "Cyber crime" && t.Path == "tags/cyber-crime");
    }

    [Fact]
    public async Task TagsWhoseSlugsCollideOrVanishGetSlugsOfTheirOwn()
    {
        var ids = await WithAsync(services => services.GetRequiredService<TaxonomyEditor>().EnsureTermsAsync(Tags, ["C++", "C#", "북한", "조선"]));

        var paths = (await TreeAsync()).Where(t => ids.Contains(t.TermContentItemId)).Select(t => t.Path).ToList();
        Assert.Equal(["tags/c", "tags/c-2", "tags/term", "tags/term-2"], paths);
    }
}
