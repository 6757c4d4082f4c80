using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin;

/// /logout: POST only (with the antiforgery token every form carries), so a link elsewhere cannot sign anyone out.
public sealed class LogoutModel(SignInManager<CmsUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Admin/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
