using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Media;

/// /admin/media: the image library. Editors (ManageMediaContent) upload and delete; authors and contributors
/// (ManageOwnMedia) upload. Uploads are checked by content and size; a file a post shows is not deleted.
[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class MediaModel(MediaLibrary library, MediaDescriptions descriptions, IAuthorizationService authorization) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public IReadOnlyList<MediaFile> Images { get; private set; } = [];

    /// How many images the library holds, whatever the search shows.
    public int Total { get; private set; }

    public IReadOnlyDictionary<string, MediaDescription> Descriptions { get; private set; } = new Dictionary<string, MediaDescription>();

    /// Words the file names must contain.
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// "newest" (the default), "name" or "size".
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// The folder shown and uploaded into ("" is the library's root).
    [BindProperty(SupportsGet = true)]
    public string? Folder { get; set; }

    /// The folders directly inside <see cref="Folder"/>.
    public IReadOnlyList<string> SubFolders { get; private set; } = [];

    private string CurrentFolder => MediaLibrary.FolderProblem(Folder) is null ? Folder ?? "" : "";

    public bool CanDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await CanUseAsync())
        {
            return Forbid();
        }

        Folder = CurrentFolder;
        var all = library.Images();
        Total = all.Count;
        Descriptions = await descriptions.AllAsync(HttpContext.RequestAborted);
        SubFolders = [.. library.Folders().Where(f => ParentOf(f) == Folder)];
        var words = (Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A search looks through every folder; otherwise the page shows the folder's own images.
        var found = all.Where(i => (words.Length > 0 || ParentOf(i.Path) == Folder) && words.All(w => i.Path.Contains(w, StringComparison.OrdinalIgnoreCase)
            || (Descriptions.TryGetValue(i.Path, out var d) && $"{d.Alt} {d.Caption}".Contains(w, StringComparison.CurrentCultureIgnoreCase))));
        Images = Sort switch
        {
            "name" => [.. found.OrderBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase)],
            "size" => [.. found.OrderByDescending(i => i.Length)],
            _ => [.. found],
        };
        CanDelete = await IsAllowedAsync(AdminPermissions.ManageMediaContent);
        return Page();
    }

    /// Sets what an image shows and its caption: the words the editor offers wherever the image is inserted.
    public async Task<IActionResult> OnPostDescribeAsync(string path, string? alt, string? caption, CancellationToken cancellationToken)
    {
        // The words are offered to everyone who inserts the image, and files are not owned: only editors set them.
        if (!await IsAllowedAsync(AdminPermissions.ManageMediaContent))
        {
            return Forbid();
        }

        if (!library.HasImage(path))
        {
            Problem = $"'{path}' is not in the media library.";
        }
        else if ((alt?.Length ?? 0) > MaxDescription || (caption?.Length ?? 0) > MaxDescription)
        {
            Problem = $"Keep the alt text and the caption of {path} under {MaxDescription} characters.";
        }
        else
        {
            await descriptions.SetAsync(path, alt, caption, cancellationToken);
            Message = $"Saved the description of {path}.";
        }

        return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null, q = Search, sort = Sort, folder = NullIfRoot(ParentOf(path)) });
    }

    public const int MaxDescription = 300;

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!await CanUseAsync())
        {
            return Forbid();
        }

        var uploaded = new List<string>();
        var problems = new List<string>();
        foreach (var file in files ?? [])
        {
            try
            {
                await using var stream = file.OpenReadStream();
                uploaded.Add(await library.UploadAsync(stream, file.FileName, file.Length, CurrentFolder, cancellationToken));
            }
            catch (MediaUploadException e)
            {
                problems.Add(e.Message);
            }
        }

        if (uploaded.Count == 0 && problems.Count == 0)
        {
            problems.Add("Choose one or more images to upload.");
        }

        // The post editor uploads with fetch and wants the result as data, not a page.
        if (Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            var result = new
            {
                uploaded = uploaded.Select(p => new { path = p, thumbnail = Url.Page("/Admin/Media/Index", "Thumbnail", new { path = p }) }),
                problems,
            };
            return problems.Count > 0 ? new UnprocessableEntityObjectResult(result) : new JsonResult(result);
        }

        Message = uploaded.Count > 0 ? $"Uploaded {string.Join(", ", uploaded)}." : null;
        Problem = problems.Count > 0 ? string.Join(" ", problems) : null;
        return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null, folder = NullIfRoot(CurrentFolder) });
    }

    public async Task<IActionResult> OnPostCreateFolderAsync(string? name)
    {
        // Only editors may delete folders, so only editors make them.
        if (!await IsAllowedAsync(AdminPermissions.ManageMediaContent))
        {
            return Forbid();
        }

        try
        {
            var created = library.CreateFolder(CurrentFolder, name ?? "");
            Message = $"Created the folder {created}.";
            return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null, folder = created });
        }
        catch (MediaUploadException e)
        {
            Problem = e.Message;
            return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null, folder = NullIfRoot(CurrentFolder) });
        }
    }

    public async Task<IActionResult> OnPostDeleteFolderAsync()
    {
        if (!await IsAllowedAsync(AdminPermissions.ManageMediaContent))
        {
            return Forbid();
        }

        var folder = CurrentFolder;
        if (library.DeleteFolder(folder) is { } problem)
        {
            Problem = problem;
            return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null, folder = NullIfRoot(folder) });
        }

        Message = $"Deleted the folder {folder}.";
        return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null, folder = NullIfRoot(ParentOf(folder)) });
    }

    /// A folder's own name, the last part of its path.
    public static string NameOf(string folder) => folder?[(folder.LastIndexOf('/') + 1)..] ?? "";

    /// The folder a media path is in ("" for the root).
    public static string ParentOf(string path) => path?.LastIndexOf('/') is > 0 and var slash ? path[..slash] : "";

    private static string? NullIfRoot(string folder) => folder.Length == 0 ? null : folder;

    public async Task<IActionResult> OnPostDeleteAsync(string path, CancellationToken cancellationToken)
    {
        if (!await IsAllowedAsync(AdminPermissions.ManageMediaContent))
        {
            return Forbid();
        }

        if (!library.HasImage(path))
        {
            Problem = $"'{path}' is not in the media library.";
            return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null, folder = NullIfRoot(ParentOf(path ?? "")) });
        }

        var users = await library.DeleteAsync(path, cancellationToken);
        if (users.Count > 0)
        {
            Problem = $"'{path}' was not deleted: it is shown by {string.Join(", ", users.Select(u => $"“{u}”"))}. Choose another image there first.";
        }
        else
        {
            Message = $"Deleted {path}.";
        }

        return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null, folder = NullIfRoot(ParentOf(path ?? "")) });
    }

    /// A small JPEG of the image for lists and pickers.
    public async Task<IActionResult> OnGetThumbnailAsync(string path, CancellationToken cancellationToken)
    {
        if (!await CanUseAsync())
        {
            return Forbid();
        }

        var bytes = await library.ThumbnailAsync(path, cancellationToken);
        if (bytes is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=300";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(bytes, "image/jpeg");
    }

    private async Task<bool> CanUseAsync() =>
        await IsAllowedAsync(AdminPermissions.ManageMediaContent) || await IsAllowedAsync(AdminPermissions.ManageOwnMedia);

    private async Task<bool> IsAllowedAsync(string permission) => (await authorization.AuthorizeAsync(User, permission)).Succeeded;
}
