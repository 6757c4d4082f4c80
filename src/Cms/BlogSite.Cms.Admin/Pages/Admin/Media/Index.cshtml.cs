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
public sealed class MediaModel(MediaLibrary library, IAuthorizationService authorization) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public IReadOnlyList<MediaFile> Images { get; private set; } = [];

    public bool CanDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await CanUseAsync())
        {
            return Forbid();
        }

        Images = library.Images();
        CanDelete = await IsAllowedAsync(AdminPermissions.ManageMediaContent);
        return Page();
    }

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
                uploaded.Add(await library.UploadAsync(stream, file.FileName, file.Length, cancellationToken));
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
        return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null });
    }

    public async Task<IActionResult> OnPostDeleteAsync(string path, CancellationToken cancellationToken)
    {
        if (!await IsAllowedAsync(AdminPermissions.ManageMediaContent))
        {
            return Forbid();
        }

        if (MediaStore.Problem(path) is not null || !library.Images().Any(i => i.Path == path))
        {
            Problem = $"'{path}' is not in the media library.";
            return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null });
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

        return RedirectToPage("/Admin/Media/Index", new { handler = (string?)null });
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
