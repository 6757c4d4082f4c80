using System.Security.Claims;
using BlogSite.Cms.Content.Features;
using Microsoft.AspNetCore.Authorization;

namespace BlogSite.Cms.Admin.Navigation;

/// The admin menu a user sees: the registered entries they are allowed, of enabled features, grouped and ordered.
public sealed class AdminMenu(IEnumerable<AdminMenuEntry> entries, IAuthorizationService authorization, FeatureManager features)
{
    public async Task<IReadOnlyList<IGrouping<string, AdminMenuEntry>>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var visible = new List<AdminMenuEntry>();
        foreach (var entry in entries.OrderBy(e => e.Order))
        {
            if ((entry.Feature is null || await features.IsEnabledAsync(entry.Feature, cancellationToken)) && await AllowedAsync(user, entry))
            {
                visible.Add(entry);
            }
        }

        return [.. visible.GroupBy(e => e.Group).OrderBy(g => g.Min(e => e.Order))];
    }

    private async Task<bool> AllowedAsync(ClaimsPrincipal user, AdminMenuEntry entry)
    {
        foreach (var permission in entry.Permissions)
        {
            if ((await authorization.AuthorizeAsync(user, permission)).Succeeded)
            {
                return true;
            }
        }

        return entry.Permissions.Length == 0;
    }
}
