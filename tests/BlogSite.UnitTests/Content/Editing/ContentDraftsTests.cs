using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BlogSite.UnitTests.Recipes.TestRecipes;

namespace BlogSite.UnitTests.Content.Editing;

public sealed class ContentDraftsTests : IAsyncLifetime
{
    private const string Id = "post00000000000000000000001";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly TestStore store;

    public ContentDraftsTests() => store = new TestStore(clock);

    public async Task InitializeAsync()
    {
        await store.InitializeAsync();
        await store.RunAsync(With(EnableBlog, ContentStep(Post(Id, "blog/original", "Original"))));
    }

    public Task DisposeAsync() => store.DisposeAsync();

    private async Task<T> WithAsync<T>(Func<ContentDrafts, ContentStore, Task<T>> action)
    {
        await using var scope = store.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ContentDrafts>(), scope.ServiceProvider.GetRequiredService<ContentStore>());
    }

    private static ContentItem Edited(ContentItem latest, string markdown)
    {
        var content = (JsonObject)latest.Content.DeepClone();
        content["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = markdown };
        return new ContentItem { ContentItemId = latest.ContentItemId, ContentType = latest.ContentType, DisplayText = latest.DisplayText, Content = content };
    }

    private static string? Body(ContentItem? item) => item?.Content["MarkdownBodyPart"]?["Markdown"]?.GetValue<string>();

    private Task<ContentItem> LatestAsync() => WithAsync(async (_, s) => (await s.GetLatestAsync(Id))!);

    private Task<ContentItem> SaveAsync(string markdown, string? stamp = null, string author = "editor", bool autosave = false) =>
        WithAsync(async (drafts, s) =>
        {
            var latest = (await s.GetLatestAsync(Id))!;
            return await drafts.SaveAsync(Edited(latest, markdown), stamp ?? latest.ConcurrencyStamp, author, autosave);
        });

    [Fact]
    public async Task ADraftOfAPublishedItemLeavesThePublishedVersionAsReadersKnowIt()
    {
        await SaveAsync("Edited text");

        var (published, latest) = await WithAsync(async (_, s) => (await s.GetPublishedAsync(Id), await s.GetLatestAsync(Id)));
        Assert.Equal("Body of Original.", Body(published));
        Assert.Equal("Edited text", Body(latest));
        Assert.False(latest!.Published);
        Assert.Equal("editor", latest.Author);
    }

    [Fact]
    public async Task EverySaveKeepsAVersionWhileAutosavesFoldIntoTheAutosavedDraftBeforeThem()
    {
        await SaveAsync("first autosave", autosave: true);
        await SaveAsync("second autosave", autosave: true);
        await SaveAsync("saved on purpose");
        await SaveAsync("autosave after a real save", autosave: true);

        var history = await WithAsync(async (drafts, _) => await drafts.HistoryAsync(Id));
        Assert.Equal(["autosave after a real save", "saved on purpose", "second autosave", "Body of Original."], history.Select(Body));
        Assert.Single(history, v => v.Latest);
        Assert.Single(history, v => v.Published);
    }

    [Fact]
    public async Task ASaveStartedFromAnOlderVersionIsRefusedAndNamesWhoSavedMeanwhile()
    {
        var opened = await LatestAsync();
        clock.Advance(TimeSpan.FromMinutes(3));
        await SaveAsync("the first editor's text", opened.ConcurrencyStamp, author: "alice");

        var conflict = await Assert.ThrowsAsync<ContentVersionConflictException>(() => SaveAsync("the second editor's text", opened.ConcurrencyStamp, author: "bob"));

        Assert.Equal("alice", conflict.SavedBy);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, conflict.SavedUtc);
        Assert.Contains("alice saved this item", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("the first editor's text", Body(await LatestAsync()));
        Assert.Equal((await LatestAsync()).ConcurrencyStamp, conflict.CurrentStamp);
    }

    [Fact]
    public async Task RestoringAnOldVersionMakesItsContentTheNewDraftAndKeepsTheHistory()
    {
        await SaveAsync("a later text");
        var history = await WithAsync(async (drafts, _) => await drafts.HistoryAsync(Id));
        var original = history[^1];

        var restored = await WithAsync(async (drafts, s) =>
            await drafts.RestoreAsync(Id, original.ContentItemVersionId, (await s.GetLatestAsync(Id))!.ConcurrencyStamp, "editor"));

        Assert.Equal("Body of Original.", Body(restored));
        Assert.True(restored!.Latest);
        Assert.Equal(3, (await WithAsync(async (drafts, _) => await drafts.HistoryAsync(Id))).Count);
    }

    [Fact]
    public async Task AScheduledDraftIsPublishedWhenItFallsDueAndNotBefore()
    {
        var due = clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        await WithAsync(async (drafts, s) =>
        {
            var latest = (await s.GetLatestAsync(Id))!;
            var edited = Edited(latest, "Scheduled text");
            edited.PublishedUtc = due;
            PublishLaterPart.Set(edited, due);
            return await drafts.SaveAsync(edited, latest.ConcurrencyStamp, "editor", autosave: false);
        });
        var publisher = ActivatorUtilities.CreateInstance<ScheduledPublisher>(store.Services);

        Assert.Equal(due, await publisher.PublishDueAsync(CancellationToken.None));
        Assert.False((await LatestAsync()).Published);

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(await publisher.PublishDueAsync(CancellationToken.None));

        var published = await LatestAsync();
        Assert.True(published.Published);
        Assert.Equal("Scheduled text", Body(published));
        Assert.Equal(due, published.PublishedUtc);
        Assert.Null(published.ScheduledPublishUtc);
        Assert.False(published.Has<PublishLaterPart>());
    }
}
