using System.Collections.Concurrent;
using BlogSite.Cms.Content.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace BlogSite.Cms.Admin.Security;

/// Every declared permission is a policy of its own name, made when first asked for, so a module's permission needs
/// no policy registration. A visitor who is not signed in is asked to sign in when the Anonymous role lacks it.
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionCatalog catalog) : DefaultAuthorizationPolicyProvider(options)
{
    // Built once per permission: every public page asks for ViewContent.
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> built = new(StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        await base.GetPolicyAsync(policyName)
        ?? (catalog.Find(policyName) is { } permission
            ? built.GetOrAdd(permission.Name, name => new AuthorizationPolicyBuilder().AddRequirements(new PermissionRequirement(name)).Build())
            : null);
}
