using System.Text.Json.Nodes;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Export;
using BlogSite.Cms.Recipes.Steps;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Deployment;

/// Downloads an export: the whole site or chosen types, as .json or as .zip with media; lists the deployment plans.
[Authorize(Policy = AdminPermissions.Export)]
public sealed class ExportModel(ExportDownload download, ContentDefinitionStore definitions, DocumentStore documents) : PageModel
{
    public IReadOnlyList<string> Types { get; private set; } = [];

    public IReadOnlyList<(string Name, int Steps)> DeploymentPlans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Types = [.. (await definitions.GetAsync(cancellationToken)).ContentTypes.Select(t => t.Name).Order(StringComparer.Ordinal)];
        DeploymentPlans = [.. ((await documents.GetAsync(DeploymentStep.DocumentKey, cancellationToken))["Plans"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(p => (p["Name"]?.GetValue<string>() ?? "", (DeploymentStep.Normalized(p)["Steps"] as JsonArray)?.Count ?? 0))];
    }

    public async Task<IActionResult> OnPostAsync(string[]? types, bool setup, string? format, CancellationToken cancellationToken)
    {
        var (content, contentType, fileName) = await download.CreateAsync(new ExportOptions(setup, types ?? []), zip: format == "zip", cancellationToken);
        return File(content, contentType, fileName);
    }
}
