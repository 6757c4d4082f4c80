using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Recipes.Deployment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Deployment;

[Authorize(Policy = AdminPermissions.ManageRemoteClients)]
public sealed class ClientsModel(ApiClientStore clients) : PageModel
{
    public IReadOnlyList<(string Name, IReadOnlyList<string> Scopes)> Clients { get; private set; } = [];

    public string? NewClient { get; private set; }

    public string? NewKey { get; private set; }

    public string? NameError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Clients = await clients.ListAsync(cancellationToken);

    /// Content is every client's scope; <paramref name="scopes"/> may add users and roles.
    public async Task<IActionResult> OnPostAddAsync(string? name, string[]? scopes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || !name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            NameError = "Give the client a name of letters, digits, '-', '_' or '.', at most 100 characters.";
        }
        else
        {
            NewClient = name;
            NewKey = await clients.CreateAsync(name, scopes, cancellationToken);
        }

        Clients = await clients.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? name, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(name))
        {
            await clients.RemoveAsync(name, cancellationToken);
        }

        return RedirectToPage();
    }
}
