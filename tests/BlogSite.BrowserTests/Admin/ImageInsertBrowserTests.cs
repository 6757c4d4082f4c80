using Microsoft.Playwright;
using SkiaSharp;

namespace BlogSite.BrowserTests.Admin;

/// Images in the body: picked from the media library in a dialog (or uploaded there), or pasted into the text; both
/// ask for alt text, and both reach the public page with it.
public sealed class ImageInsertBrowserTests(EditorBrowserFixture site) : IClassFixture<EditorBrowserFixture>
{
    private static byte[] Png(SKColor color)
    {
        using var bitmap = new SKBitmap(320, 200);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    private static ILocator Markdown(IPage page) => page.Locator("textarea[name='Form.Markdown']");

    private static async Task<IPage> PublishAndReadAsync(EditorBrowserFixture site, IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Published." })).ToBeVisibleAsync();
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "View the published post" }).GetAttributeAsync("href");
        var reader = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() })).NewPageAsync();
        await reader.GotoAsync(href!);
        return reader;
    }

    [Fact]
    public async Task AnImageUploadedInTheLibraryDialogIsInsertedWithItsAltTextAndShownWithItToReaders()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        await page.GotoAsync("/admin/posts/new");
        await page.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync("Satellite view of Sinpo");
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.TypeAsync("The shipyard:");
        await page.Keyboard.PressAsync("Enter");

        await page.GetByRole(AriaRole.Toolbar, new() { Name = "Formatting" }).GetByRole(AriaRole.Button, new() { Name = "Image", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Insert an image" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Or upload a new one").SetInputFilesAsync(new FilePayload { Name = "Sinpo shipyard.png", MimeType = "image/png", Buffer = Png(SKColors.SteelBlue) });
        await Assertions.Expect(dialog.GetByRole(AriaRole.Option, new() { Selected = true })).ToContainTextAsync("sinpo-shipyard.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Say what the image shows, or mark it as decoration.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, "admin-image-dialog-1280.png") });
        await dialog.GetByLabel("Alt text: what the image shows").FillAsync("A submarine hull beside the Sinpo slipway");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(Markdown(page)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^The shipyard:\n!\[A submarine hull beside the Sinpo slipway\]\(/media/sinpo-shipyard\.png\)$"));

        // The image is in the library now: found by name and picked from the grid.
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Control+Shift+I");
        await dialog.GetByLabel("Find an image").FillAsync("sinpo");
        await dialog.GetByRole(AriaRole.Option, new() { Name = "sinpo-shipyard.png" }).ClickAsync();
        await dialog.GetByLabel("Alt text: what the image shows").FillAsync("The same slipway a month later");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
        await Assertions.Expect(Markdown(page)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\n!\[The same slipway a month later\]\(/media/sinpo-shipyard\.png\)$"));
        var reader = await PublishAndReadAsync(site, page);
        await Assertions.Expect(reader.GetByRole(AriaRole.Img, new() { Name = "The same slipway a month later" })).ToBeVisibleAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Img, new() { Name = "A submarine hull beside the Sinpo slipway" })).ToBeVisibleAsync();
        Assert.True(await reader.GetByRole(AriaRole.Img, new() { Name = "A submarine hull beside the Sinpo slipway" }).EvaluateAsync<bool>("img => img.naturalWidth === 320"));
    }

    [Fact]
    public async Task AnImagePastedIntoTheTextIsUploadedAskedForItsAltTextAndShownWithIt()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        await page.GotoAsync("/admin/posts/new");
        await page.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync("Pasted from a briefing");
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.TypeAsync("Before the image.");
        await page.Keyboard.PressAsync("Enter");

        // A paste as the browser delivers one from a screenshot tool: an image file on the clipboard.
        await page.Locator(".cm-content").EvaluateAsync("""
            async content => {
              const canvas = Object.assign(document.createElement('canvas'), { width: 200, height: 120 });
              canvas.getContext('2d').fillRect(0, 0, 200, 120);
              const blob = await new Promise(done => canvas.toBlob(done, 'image/png'));
              const transfer = new DataTransfer();
              transfer.items.add(new File([blob], 'briefing slide.png', { type: 'image/png' }));
              content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
            }
            """);

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Insert an image" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Option, new() { Selected = true })).ToContainTextAsync("briefing-slide.png");
        await dialog.GetByLabel("Alt text: what the image shows").FillAsync("Slide: ship-to-ship transfers in 2024");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();

        await Assertions.Expect(Markdown(page)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^Before the image\.\n!\[Slide: ship-to-ship transfers in 2024\]\(/media/briefing-slide\.png\)\n$"));
        var reader = await PublishAndReadAsync(site, page);
        await Assertions.Expect(reader.GetByRole(AriaRole.Img, new() { Name = "Slide: ship-to-ship transfers in 2024" })).ToBeVisibleAsync();
    }
}
