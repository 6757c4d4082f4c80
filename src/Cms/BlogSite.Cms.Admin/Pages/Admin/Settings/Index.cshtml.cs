using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace BlogSite.Cms.Admin.Pages.Admin.Settings;

/// The site settings an editor of the site changes; other settings a recipe set stay as they are.
[Authorize(Policy = AdminPermissions.ManageSettings)]
public sealed class SettingsModel(SiteSettingsStore settings, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public bool Saved { get; private set; }

    public IReadOnlyList<SelectListItem> TimeZones => TimeZoneChoices.For(Input.TimeZoneId, clock.GetUtcNow());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        Input = new SettingsInput
        {
            SiteName = site.SiteName,
            Tagline = site.Tagline,
            PageSize = site.PageSize,
            TimeZoneId = site.All["TimeZoneId"]?.GetValue<string>() ?? "UTC",
            MetaDescription = site.MetaDescription,
            BaseUrl = site.All["BaseUrl"]?.GetValue<string>(),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(Input.TimeZoneId, out _))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(SettingsInput.TimeZoneId)}", "Choose a time zone from the list.");
        }

        var baseUrl = Input.BaseUrl?.Trim().TrimEnd('/');
        if (!string.IsNullOrEmpty(baseUrl)
            && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https") || address.Query.Length > 0 || address.Fragment.Length > 0))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(SettingsInput.BaseUrl)}", "Enter the address readers use, such as https://blog.example.org, with no query or fragment.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await settings.MergeAsync(new JsonObject
        {
            ["SiteName"] = Input.SiteName.Trim(),
            ["Tagline"] = Input.Tagline?.Trim(),
            ["PageSize"] = Input.PageSize,
            ["TimeZoneId"] = Input.TimeZoneId,
            ["MetaDescription"] = Input.MetaDescription?.Trim(),
            ["BaseUrl"] = string.IsNullOrEmpty(baseUrl) ? null : baseUrl,
        }, cancellationToken);
        Saved = true;
        return Page();
    }

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "The site needs a name.")]
        [StringLength(100, ErrorMessage = "Keep the site name under 100 characters.")]
        [Display(Name = "Site name")]
        public string SiteName { get; set; } = "";

        [StringLength(200, ErrorMessage = "Keep the tagline under 200 characters.")]
        [Display(Name = "Tagline")]
        public string? Tagline { get; set; }

        [Range(1, 100, ErrorMessage = "Show between 1 and 100 posts per page.")]
        [Display(Name = "Posts per page")]
        public int PageSize { get; set; } = 10;

        [Required(ErrorMessage = "Choose a time zone.")]
        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = "UTC";

        [StringLength(300, ErrorMessage = "Keep the description under 300 characters; search engines cut longer ones.")]
        [Display(Name = "Default meta description")]
        public string? MetaDescription { get; set; }

        [StringLength(300, ErrorMessage = "Keep the address under 300 characters.")]
        [Display(Name = "Base URL")]
        public string? BaseUrl { get; set; }
    }
}
