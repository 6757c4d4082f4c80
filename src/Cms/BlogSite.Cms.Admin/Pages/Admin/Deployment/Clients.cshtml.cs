using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Recipes.Deployment;
using BlogSite.Cms.Recipes.Execution;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Deployment;

[Authorize(Policy = AdminPermissions.ManageRemoteClients)]
public sealed class ClientsModel(ApiClientStore clients, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<(string Name, IReadOnlyList<string> Scopes)> Clients { get; private set; } = [];

    public string? NewClient { get; private set; }

    public string? NewKey { get; private set; }

    public string? NameError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Clients = await clients.ListAsync(cancellationToken);

    /// Content is every client's scope; <paramref name="scopes"/> may add users and roles, but only those the editor
    /// holds: a key must not let its maker do more than they may themselves.
    public async Task<IActionResult> OnPostAddAsync(string? name, string[]? scopes, CancellationToken cancellationToken)
    {
        var granted = new List<string>();
        foreach (var (scope, permission) in new[] { (RecipeTrust.UsersScope, AdminPermissions.ManageUsers), (RecipeTrust.RolesScope, AdminPermissions.ManageRoles), (RecipeTrust.SettingsScope, AdminPermissions.ManageSettings) })
        {
            if (scopes?.Contains(scope, StringComparer.Ordinal) == true && (await authorization.AuthorizeAsync(User, permission)).Succeeded)
            {
                granted.Add(scope);
            }
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || !name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            NameError = "Give the client a name of letters, digits, '-', '_' or '.', at most 100 characters.";
        }
        else
        {
            NewClient = name;
            NewKey = await clients.CreateAsync(name, granted, cancellationToken);
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
