using Microsoft.AspNetCore.Authorization;

namespace BlogSite.Cms.Admin.Security;

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
