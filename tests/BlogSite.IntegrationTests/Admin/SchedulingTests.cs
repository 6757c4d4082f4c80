using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BlogSite.IntegrationTests.Admin;

/// A future publish date schedules the post; the site's background publisher puts it live on time, with no visitor
/// needed. The site runs on a fake clock so "a minute later" takes no minute.
public abstract class SchedulingTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : FakeClockSite
{
    private async Task<bool> IsPublishedAsync(string id)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentStore>().GetPublishedAsync(id) is not null;
    }

    [Fact]
    public async Task APostScheduledAMinuteAheadGoesLiveOnTimeWithNoRequestInBetween()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var due = site.Time.GetUtcNow().UtcDateTime.AddMinutes(1);
        var form = (await PostEditorForm.OpenAsync(editor)).Set("Title", "Scheduled briefing").Set("Markdown", "Out at the top of the minute.")
            .Set("PublishDate", due.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));

        using var response = await form.PostAsync("Publish");
        var id = response.Headers.Location!.OriginalString.Split('/')[^1];

        Assert.Contains("Scheduled: it goes live on", await editor.GetStringAsync($"/admin/posts/{id}"), StringComparison.Ordinal);
        Assert.Contains("Scheduled briefing", await editor.GetStringAsync("/admin/content?status=scheduled"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/blog/scheduled-briefing")).StatusCode);
        Assert.False(await IsPublishedAsync(id));

        site.Time.Advance(TimeSpan.FromSeconds(61));
        await Eventually.TrueAsync(() => IsPublishedAsync(id), "the background publisher publishes the post");

        var page = await HtmlPage.GetAsync(reader, "/blog/scheduled-briefing");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Scheduled briefing", (await HtmlPage.GetAsync(reader, "/")).PostTitles);
        Assert.Contains(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhilePublishLaterIsDisabledDueVersionsWaitAndGoOutWhenItIsEnabled()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var id = await ScheduleAsync(editor, "Held by the switch", "Waits for publish-later.", site.Time.GetUtcNow().UtcDateTime.AddMinutes(1));
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FeatureManager>().DisableAsync([CmsContentModule.PublishLaterFeature]);
        }

        site.Time.Advance(TimeSpan.FromSeconds(61));
        await PublishDueNowAsync();
        var whileOff = await IsPublishedAsync(id);
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FeatureManager>().EnableAsync([CmsContentModule.PublishLaterFeature]);
        }

        Assert.False(whileOff);
        await Eventually.TrueAsync(() => IsPublishedAsync(id), "enabling publish-later publishes what fell due");
    }

    private static async Task<string> ScheduleAsync(HttpClient editor, string title, string markdown, DateTime due)
    {
        using var response = await (await PostEditorForm.OpenAsync(editor)).Set("Title", title).Set("Markdown", markdown)
            .Set("PublishDate", due.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)).PostAsync("Publish");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    private Task<DateTime?> PublishDueNowAsync() =>
        ActivatorUtilities.CreateInstance<Cms.Content.Editing.ScheduledPublisher>(site.Factory.Services).PublishDueAsync(CancellationToken.None);

    [Fact]
    public async Task ATypoFixedAndSavedAfterSchedulingGoesOutWithTheScheduleButAnAutosaveAfterItDoesNot()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var due = site.Time.GetUtcNow().UtcDateTime.AddHours(1);
        var id = await ScheduleAsync(editor, "Scheduled then edited", "The txet that was scheduled.", due);

        var page = await HtmlPage.GetAsync(editor, $"/admin/posts/{id}");
        Assert.Equal("Update schedule", page.Document.QuerySelector("#publish-button")?.TextContent);
        using var saved = await (await PostEditorForm.OpenAsync(editor, id)).Set("Markdown", "The text that was scheduled, corrected.").PostAsync("Save");
        Assert.Contains("Saved: these changes go live with the schedule", await editor.GetStringAsync($"/admin/posts/{id}"), StringComparison.Ordinal);
        using var autosaved = await (await PostEditorForm.OpenAsync(editor, id)).Set("Markdown", "Half-finished afterthoughts.").AutosaveAsync();
        Assert.Equal(HttpStatusCode.OK, autosaved.StatusCode);
        Assert.Contains("Changes autosaved since go out once you save", await editor.GetStringAsync($"/admin/posts/{id}"), StringComparison.Ordinal);

        site.Time.Advance(TimeSpan.FromHours(2));
        await PublishDueNowAsync();

        var live = await reader.GetStringAsync("/blog/scheduled-then-edited");
        Assert.Contains("The text that was scheduled, corrected.", live, StringComparison.Ordinal);
        Assert.DoesNotContain("txet", live, StringComparison.Ordinal);
        Assert.DoesNotContain("Half-finished", live, StringComparison.Ordinal);
        Assert.Contains(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), live, StringComparison.Ordinal);
        Assert.Contains("Published, with unpublished changes", await editor.GetStringAsync($"/admin/posts/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingAScheduledPostWithAPastDateIsExplainedAndKeepsTheSchedule()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var id = await ScheduleAsync(editor, "Scheduled, then backdated", "Not yet.", site.Time.GetUtcNow().UtcDateTime.AddHours(1));

        using var response = await (await PostEditorForm.OpenAsync(editor, id))
            .Set("PublishDate", site.Time.GetUtcNow().UtcDateTime.AddDays(-3).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)).PostAsync("Save");

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("This post is scheduled: choose a future date", page.QuerySelector("[data-valmsg-for='Form.PublishDate']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Scheduled", (await HtmlPage.GetAsync(editor, $"/admin/posts/{id}")).Document.QuerySelector(".status-line .badge")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledScheduleNeverPublishes()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var id = await ScheduleAsync(editor, "Postponed briefing", "Not yet.", site.Time.GetUtcNow().UtcDateTime.AddHours(1));

        using var cancelled = await (await PostEditorForm.OpenAsync(editor, id)).PostAsync("Unschedule");
        site.Time.Advance(TimeSpan.FromHours(2));

        Assert.Contains("Schedule cancelled", await editor.GetStringAsync($"/admin/posts/{id}"), StringComparison.Ordinal);
        Assert.Null(await PublishDueNowAsync());
        Assert.False(await IsPublishedAsync(id));
        Assert.DoesNotContain("Postponed briefing", await editor.GetStringAsync("/admin/content?status=scheduled"), StringComparison.Ordinal);
    }

    private async Task SetTimeZoneAsync(string zone)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().MergeAsync(new JsonObject { ["TimeZoneId"] = zone });
    }

    [Fact]
    public async Task APublishDateIsEnteredAndShownInTheSiteTimeZone()
    {
        await SetTimeZoneAsync("Asia/Seoul");
        try
        {
            using var editor = await AdminSite.SignedInAsync(site, "Editor");
            var now = site.Time.GetUtcNow().UtcDateTime;
            var dueUtc = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddHours(3);
            var seoul = dueUtc.AddHours(9);

            var id = await ScheduleAsync(editor, "Briefing for Seoul mornings", "Timed for readers in Seoul.", seoul);

            await using (var scope = site.Factory.Services.CreateAsyncScope())
            {
                var scheduled = await scope.ServiceProvider.GetRequiredService<ContentDrafts>().ScheduledVersionAsync(id);
                Assert.Equal(dueUtc, scheduled?.ScheduledPublishUtc);
            }

            var list = await editor.GetStringAsync("/admin/content?status=scheduled");
            Assert.Contains($"Scheduled for {seoul.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} (Asia/Seoul)", list, StringComparison.Ordinal);
            var edit = await HtmlPage.GetAsync(editor, $"/admin/posts/{id}");
            Assert.Equal(seoul.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), edit.Document.QuerySelector("#Form_PublishDate")?.GetAttribute("value")?[..16]);
            Assert.Equal(now.AddHours(9).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), edit.Document.QuerySelector("#Form_PublishDate")?.GetAttribute("data-site-now"));
            Assert.Contains("to go live " + seoul.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " (Asia/Seoul)", edit.Document.QuerySelector(".status-line")?.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);

            // The other tests count on nothing else being due.
            using var cancelled = await (await PostEditorForm.OpenAsync(editor, id)).PostAsync("Unschedule");
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        }
        finally
        {
            await SetTimeZoneAsync("UTC");
        }
    }
}

/// The admin site on a clock that moves only when a test says.
public class FakeClockSite : AdminSite
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => Time;
}

public sealed class FakeClockPostgreSqlSite : FakeClockSite
{
    protected override TestEngine Engine => TestEngine.PostgreSql;
}

public sealed class SchedulingOnSqliteTests(FakeClockSite site) : SchedulingTests<FakeClockSite>(site);

public sealed class SchedulingOnPostgreSqlTests(FakeClockPostgreSqlSite site) : SchedulingTests<FakeClockPostgreSqlSite>(site);
