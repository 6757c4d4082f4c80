using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using BlogSite.Cms.Recipes.Scripting;
using BlogSite.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BlogSite.BrowserTests.Hardening;

/// The XSS corpus, imported once through the admin's Import page into every input a recipe can set, then shown in
/// Chromium on every page that shows it, public and admin. No payload may run: no dialog opens, and the
/// Content-Security-Policy never has to stop a script (a violation means markup that runs script reached the page and
/// only the policy saved it). Markup that would run script on a click or a hover (handlers, script addresses) must
/// not reach the page either, since no event fires it during the test.
public sealed class XssCorpusBrowserTests(BrowserSiteFixture site, ITestOutputHelper output) : IClassFixture<BrowserSiteFixture>
{
    /// Runs in every document of the context before the page's own scripts: records the policy's violations, script
    /// ones apart from the rest.
    private const string WatchViolations = """
        (() => {
          window.__xssViolations = [];
          window.__cspOtherViolations = [];
          document.addEventListener('securitypolicyviolation', event => {
            const directive = event.violatedDirective || '';
            const effective = event.effectiveDirective || '';
            const element = event.target && event.target.outerHTML ? ` element ${event.target.outerHTML.slice(0, 200)}` : '';
            const entry = `${effective || directive} blocked ${event.blockedURI || '(nothing named)'} at ${event.sourceFile || location.href}:${event.lineNumber}:${event.columnNumber}`
              + (event.sample ? ` sample "${event.sample}"` : '') + element;
            (directive.startsWith('script-src') || effective.startsWith('script-src') ? window.__xssViolations : window.__cspOtherViolations).push(entry);
          }, true);
        })();
        """;

    /// Presses forged video placeholders (never a real one, which would load a player from the video site), lets the
    /// events that causes run, then returns the violations recorded so far and any markup left in the document that
    /// could run script: event handler attributes, srcdoc, script addresses, refreshes to one, inline scripts that
    /// are not JSON-LD.
    private const string Inspect = """
        () => {
          let pressed = 0;
          for (const link of document.querySelectorAll('figure.embed a.embed-play')) {
            const figure = link.closest('figure.embed');
            const provider = figure.getAttribute('data-embed-provider') || '';
            const id = figure.getAttribute('data-embed-id') || '';
            const real = (provider === 'youtube' && /^[A-Za-z0-9_-]{11}$/.test(id)) || (provider === 'vimeo' && /^[0-9]{6,12}$/.test(id))
              || (provider === 'dailymotion' && /^[A-Za-z0-9]{5,12}$/.test(id));
            const href = link.getAttribute('href');
            if (!real && (href === null || href.startsWith('#'))) {
              link.click();
              pressed++;
            }
          }

          return new Promise(resolve => setTimeout(() => {
            const scriptAddress = value => {
              const address = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
              return /^(javascript|vbscript|livescript):/.test(address)
                || (address.startsWith('data:') && !/^data:image\/(png|gif|jpe?g|webp|avif)[;,]/.test(address));
            };
            const addresses = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'background', 'poster', 'codebase', 'ping']);
            const animated = new Set(['to', 'from', 'by', 'values']);
            const unsafe = [];
            for (const element of document.querySelectorAll('*')) {
              for (const attribute of element.attributes) {
                const name = attribute.name.toLowerCase();
                const value = attribute.value;
                if (name.startsWith('on') || name === 'srcdoc'
                  || (addresses.has(name) && scriptAddress(value))
                  || (animated.has(name) && value.split(';').some(scriptAddress))
                  || (name === 'content' && element.localName === 'meta' && element.hasAttribute('http-equiv')
                    && /url\s*=\s*['"]?\s*(javascript|vbscript|data):/i.test(value))) {
                  unsafe.push(`${name} in ${(element.outerHTML || element.localName).slice(0, 200)}`);
                }
              }
            }

            for (const script of document.querySelectorAll('script:not([src])')) {
              if ((script.getAttribute('type') || '').toLowerCase() !== 'application/ld+json') {
                unsafe.push(`inline script ${(script.outerHTML || '').slice(0, 200)}`);
              }
            }

            resolve(JSON.stringify({
              pressed,
              script: (window.__xssViolations || []).splice(0),
              other: (window.__cspOtherViolations || []).splice(0),
              unsafe,
            }));
          }, 0));
        }
        """;

    [Fact]
    public void TheCorpusHasAtLeast55DistinctShortPayloadsThatTheRecipeKeepsAsText()
    {
        Assert.True(XssCorpus.Payloads.Count >= 55, $"The corpus has {XssCorpus.Payloads.Count} payloads.");
        Assert.Distinct(XssCorpus.Payloads, StringComparer.Ordinal);
        Assert.All(XssCorpus.Payloads, payload => Assert.InRange(payload.Length, 1, 199));
        Assert.All(XssCorpus.ScriptAddresses, address => Assert.Contains(address, XssCorpus.Payloads));
        // A value that is wholly [js: …] or [file: …] would be run by the recipe instead of stored.
        Assert.DoesNotContain(XssCorpus.Payloads, ScriptEvaluator.IsScript);
    }

    [Fact]
    public async Task TheCorpusImportedThroughTheAdminRunsNoScriptOnAnyPageThatShowsIt()
    {
        var recipe = XssCorpusRecipe.Create(XssCorpus.Payloads, XssCorpus.ScriptAddresses, SetupRecipe.FilePath);
        var findings = new Findings();
        await using var context = await site.NewContextAsync("admin");
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        context.Page += (_, opened) => findings.Watch(opened);
        await context.AddInitScriptAsync(script: WatchViolations);
        var page = await context.NewPageAsync();
        findings.Watch(page);

        await CheckTheInstrumentsAsync(page, findings);
        await ImportAsync(page, recipe, findings);

        // Readers' pages: the home page and its second page (the blog's introduction, the menu, the sidebar's terms),
        // the month's archive, each post, each new category and tag, the pages and the new type's item.
        await VisitAsync(page, findings, "/", "the home page");
        await VisitAsync(page, findings, "/?page=2", "the home page's second page");
        await VisitListAsync(page, findings, string.Create(CultureInfo.InvariantCulture, $"/archive/{XssCorpusRecipe.ArchiveYear}/{XssCorpusRecipe.ArchiveMonth:D2}"), "the posts' month");
        foreach (var post in recipe.Posts)
        {
            await VisitAsync(page, findings, post.Path, $"post {post.Index}: {post.Payload}");
        }

        foreach (var post in recipe.Posts)
        {
            await VisitAsync(page, findings, post.CategoryPath, $"category of post {post.Index}: {post.Payload}");
            await VisitAsync(page, findings, post.TagPath, $"tag of post {post.Index}: {post.Payload}");
        }

        foreach (var item in recipe.Items)
        {
            await VisitAsync(page, findings, item.Path, item.Shows);
        }

        // Search: the run's posts (titles and snippets), a few payloads as the query, and a word every body has.
        await VisitListAsync(page, findings, "/search?q=" + recipe.Marker, "search for the run's posts");
        foreach (var payload in XssCorpus.Payloads.Where((_, i) => i % 10 == 0))
        {
            await VisitAsync(page, findings, "/search?q=" + Uri.EscapeDataString(payload), $"search for {payload}");
        }

        await VisitAsync(page, findings, "/search?q=alert", "search for a word in every payload's body");

        // Feeds and sitemaps, shown as XML: the newest posts, and the category feeds of every fourth post and of each
        // post whose payload has a control character (which XML cannot carry: the feed drops it).
        await VisitAsync(page, findings, "/rss", "the site's feed");
        foreach (var post in recipe.Posts.Where(p => p.Index % 4 == 0 || p.Payload.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))))
        {
            await VisitAsync(page, findings, post.CategoryPath + "/rss", $"feed of the category of post {post.Index}: {post.Payload}");
        }

        await VisitAsync(page, findings, "/sitemap.xml", "the sitemap index");
        await VisitAsync(page, findings, "/sitemaps/1.xml", "the sitemap");

        // The admin: the dashboard, the content list searched for the run, the taxonomies narrowed to the run's terms,
        // the menus, the site's settings, the content types, other items' editors and a version history.
        await VisitAsync(page, findings, "/admin", "the dashboard");
        await VisitListAsync(page, findings, "/admin/content?search=" + recipe.Marker, "the content list searched for the run");
        await VisitAsync(page, findings, "/admin/taxonomies", "the taxonomies");
        await VisitAsync(page, findings, $"/admin/taxonomies/{recipe.TagsTaxonomyId}?q={recipe.Marker}", "the Tags taxonomy's run terms");
        await VisitAsync(page, findings, $"/admin/taxonomies/{recipe.CategoriesTaxonomyId}?q={recipe.Marker}", "the Categories taxonomy's run terms");
        await VisitAsync(page, findings, "/admin/menus", "the menus");
        await VisitAsync(page, findings, $"/admin/menus/{recipe.MainMenuId}", "the main menu's editor");
        await VisitAsync(page, findings, $"/admin/menus/{recipe.NewMenuId}", "the run's menu's editor");
        await VisitAsync(page, findings, "/admin/settings", "the site's settings");
        await VisitAsync(page, findings, "/admin/content-types", "the content types");
        await VisitAsync(page, findings, "/admin/content-types/BlogPost", "the blog post type's fields");
        await VisitAsync(page, findings, $"/admin/content-types/{XssCorpusRecipe.NoteType}", "the run's type");
        foreach (var item in recipe.Items)
        {
            await VisitAsync(page, findings, $"/admin/items/{item.Id}", $"the editor of {item.Shows}");
        }

        await VisitAsync(page, findings, $"/admin/items/{recipe.Posts[0].Id}/versions", $"the versions of post 0: {recipe.Posts[0].Payload}");

        // Every third post's editor, once its live preview (the server's sanitized rendering, put in with innerHTML) is in.
        foreach (var post in recipe.Posts.Where(p => p.Index % 3 == 0))
        {
            await VisitAsync(page, findings, $"/admin/posts/{post.Id}", $"the editor of post {post.Index}: {post.Payload}", PreviewShownAsync);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            XSS corpus: {XssCorpus.Payloads.Count} payloads ({XssCorpus.ScriptAddresses.Count} of them script addresses), written into {recipe.Fields.Count} recipe fields ({recipe.Placements} payloads in all); one import created {recipe.CreatedItems} items.
            Pages visited: {findings.Pages} in one context ({findings.Frames} frames inspected); forged video placeholders pressed: {findings.Pressed}.
            Dialogs: {findings.Dialogs.Count}. CSP script-src violations: {findings.ScriptViolations.Count}. Other CSP violations (not scripts, blocked as they should be): {findings.OtherViolations.Count}{string.Concat(findings.OtherViolations.Take(10).Select(v => Environment.NewLine + "  " + v))}. Markup that could run script left in a page: {findings.Unsafe.Count}. Pages that did not answer 200: {findings.BadAnswers.Count}. Before-unload prompts: {findings.BeforeUnload}.
            Fields: {string.Join("; ", recipe.Fields)}.
            """));

        FailIfAny(findings.Dialogs, "Injected script opened dialogs");
        FailIfAny(findings.ScriptViolations, "Injected script reached these pages and only the Content-Security-Policy stopped it");
        FailIfAny(findings.Unsafe, "Markup that runs script on an event or a click reached these pages");
        FailIfAny(findings.BadAnswers, "These pages did not show their payloads");
    }

    /// Zeros mean something only if the instruments work: on a reader's page, a dialog opened on purpose is counted,
    /// and a script element put in the page is stopped by the policy, recorded, and found by the page's inspection.
    private static async Task CheckTheInstrumentsAsync(IPage page, Findings findings)
    {
        await VisitAsync(page, findings, "/", "the instruments' check");
        await page.EvaluateAsync("() => alert('instruments check')");
        await page.EvaluateAsync("""
            () => new Promise(resolve => {
              document.addEventListener('securitypolicyviolation', () => setTimeout(resolve, 0), { once: true });
              const script = document.createElement('script');
              script.textContent = 'alert(2)';
              document.body.append(script);
            })
            """);
        await InspectAsync(page, findings, "/", "the instruments' check");

        Assert.Single(findings.Dialogs);
        Assert.Contains(findings.ScriptViolations, violation => violation.Contains("script-src", StringComparison.Ordinal));
        Assert.Contains(findings.Unsafe, markup => markup.Contains("alert(2)", StringComparison.Ordinal));
        findings.Reset();
    }

    /// Uploads the recipe as a file, checks it, confirms the import and expects every item created.
    private static async Task ImportAsync(IPage page, XssCorpusRecipe recipe, Findings findings)
    {
        await VisitAsync(page, findings, "/admin/deployment/import", "the Import page");
        await page.GetByLabel("Recipe file").SetInputFilesAsync(new FilePayload
        {
            Name = $"{recipe.Marker}.recipe.json", MimeType = "application/json", Buffer = recipe.ToBytes(),
        });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Check the recipe" }).ClickAsync();
        var report = page.Locator("section").Filter(new LocatorFilterOptions { Has = page.Locator("#report-heading") });
        await Assertions.Expect(report).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 180_000 });
        Assert.True(
            await page.GetByText("The recipe is valid").CountAsync() > 0,
            "The Import page refused the corpus recipe:\n" + await report.InnerTextAsync());
        await InspectAsync(page, findings, "/admin/deployment/import (checked)", "the recipe's validation report");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Import", Exact = true }).ClickAsync();
        var result = page.Locator("div.message[role=status]");
        await Assertions.Expect(result).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 300_000 });
        var text = (await result.InnerTextAsync()).Trim();
        var expected = string.Create(CultureInfo.InvariantCulture, $"Imported: {recipe.CreatedItems} created");
        Assert.True(text.StartsWith(expected, StringComparison.Ordinal), $"Expected “{expected}…”, the Import page says “{text}”:\n" + await report.InnerTextAsync());
        await InspectAsync(page, findings, "/admin/deployment/import (imported)", "the import's report");
    }

    /// A paged list: its first page, then each next page its pager links to.
    private static async Task VisitListAsync(IPage page, Findings findings, string path, string shows)
    {
        await VisitAsync(page, findings, path, shows);
        for (var n = 2; n <= 50 && await page.Locator("a[rel=next]").CountAsync() > 0; n++)
        {
            var next = new Uri(await page.Locator("a[rel=next]").First.EvaluateAsync<string>("a => a.href"));
            await VisitAsync(page, findings, next.PathAndQuery, string.Create(CultureInfo.InvariantCulture, $"{shows}, page {n}"));
        }
    }

    private static async Task VisitAsync(IPage page, Findings findings, string path, string shows, Func<IPage, Task>? ready = null)
    {
        findings.Current = $"{path} ({shows})";
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response?.Status != 200)
        {
            findings.BadAnswers.Add(string.Create(CultureInfo.InvariantCulture, $"{path} ({shows}) answered {response?.Status}"));
        }

        if (ready is not null)
        {
            await ready(page);
        }

        await InspectAsync(page, findings, path, shows);
    }

    private static Task PreviewShownAsync(IPage page) =>
        Assertions.Expect(page.Locator("#markdown-preview")).Not.ToContainTextAsync(
            "The preview appears as you type.", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });

    /// Reads what each frame of the page recorded and holds; a frame that has gone since is skipped.
    private static async Task InspectAsync(IPage page, Findings findings, string path, string shows)
    {
        findings.Pages++;
        foreach (var frame in page.Frames)
        {
            string json;
            try
            {
                json = await frame.EvaluateAsync<string>(Inspect);
            }
            catch (PlaywrightException) when (frame != page.MainFrame)
            {
                continue;
            }

            findings.Frames++;
            using var report = JsonDocument.Parse(json);
            var root = report.RootElement;
            var where = frame == page.MainFrame ? $"{path} ({shows})" : $"{path} ({shows}), frame {frame.Url}";
            findings.Pressed += root.GetProperty("pressed").GetInt32();
            findings.OtherViolations.AddRange(root.GetProperty("other").EnumerateArray().Select(v => $"{where}: {v.GetString()}"));
            findings.ScriptViolations.AddRange(root.GetProperty("script").EnumerateArray().Select(v => $"{where}: {v.GetString()}"));
            findings.Unsafe.AddRange(root.GetProperty("unsafe").EnumerateArray().Select(v => $"{where}: {v.GetString()}"));
        }
    }

    /// Fails naming the first entries (each with its page, what the page shows and the sample) and how many there are.
    private static void FailIfAny(IReadOnlyCollection<string> entries, string what)
    {
        if (entries.Count > 0)
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{what} ({entries.Count}):\n{string.Join('\n', entries.Take(25))}")
                + (entries.Count > 25 ? "\n…" : ""));
        }
    }

    /// What the pages showed: dialogs come from event handlers on the context's pages, the rest from inspecting them.
    private sealed class Findings
    {
        private readonly ConcurrentDictionary<IPage, bool> watched = new();
        private int beforeUnload;

        public string Current { get; set; } = "(no page yet)";

        public ConcurrentQueue<string> Dialogs { get; } = new();

        public int BeforeUnload => Volatile.Read(ref beforeUnload);

        public List<string> ScriptViolations { get; } = [];

        public List<string> Unsafe { get; } = [];

        public List<string> BadAnswers { get; } = [];

        public List<string> OtherViolations { get; } = [];

        public int Pages { get; set; }

        public int Frames { get; set; }

        public int Pressed { get; set; }

        /// Every dialog is counted and dismissed; a before-unload prompt (the post editor's own, for unsaved changes)
        /// is accepted so the next page can load, and counted apart. Each page is watched once.
        public void Watch(IPage page)
        {
            if (!watched.TryAdd(page, true))
            {
                return;
            }

            page.Dialog += async (_, dialog) =>
            {
                if (dialog.Type == DialogType.BeforeUnload)
                {
                    Interlocked.Increment(ref beforeUnload);
                    await dialog.AcceptAsync();
                    return;
                }

                Dialogs.Enqueue($"{dialog.Type} “{dialog.Message}” on {dialog.Page?.Url ?? "a closed page"}, while showing {Current}");
                await dialog.DismissAsync();
            };
        }

        /// Forgets what the instruments' check recorded.
        public void Reset()
        {
            Dialogs.Clear();
            ScriptViolations.Clear();
            Unsafe.Clear();
            BadAnswers.Clear();
            OtherViolations.Clear();
            Pages = 0;
            Frames = 0;
            Pressed = 0;
        }
    }
}
