using System.Text;
using System.Text.Json.Nodes;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Export;
using BlogSite.Cms.Recipes.Steps;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Deployment;

/// Downloads an export: the whole site or chosen types, as .json or as .zip with media; lists the deployment plans.
[Authorize(Policy = AdminPermissions.Export)]
public sealed class ExportModel(RecipeExporter exporter, ContentDefinitionStore definitions, DocumentStore documents, MediaStore media) : PageModel
{
    public IReadOnlyList<string> Types { get; private set; } = [];

    public IReadOnlyList<(string Name, int Steps)> DeploymentPlans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Types = [.. (await definitions.GetAsync(cancellationToken)).ContentTypes.Select(t => t.Name).Order(StringComparer.Ordinal)];
        DeploymentPlans = [.. ((await documents.GetAsync(DeploymentStep.DocumentKey, cancellationToken))["Plans"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(p => (p["Name"]?.GetValue<string>() ?? "", (p["DeploymentSteps"] as JsonArray)?.Count ?? 0))];
    }

    public async Task<IActionResult> OnPostAsync(string[]? types, bool setup, string? format, CancellationToken cancellationToken)
    {
        var options = new ExportOptions(setup, types ?? []);
        var recipe = await exporter.ExportAsync(options, cancellationToken);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        if (format != "zip")
        {
            return File(Encoding.UTF8.GetBytes(recipe.ToJsonString(ContentJson.Indented)), "application/json", $"blogsite-{stamp}.recipe.json");
        }

        var files = options.WholeSite ? media.AllFiles() : await exporter.MediaPathsAsync(options, cancellationToken);
        var zip = Path.Combine(Path.GetTempPath(), $"blogsite-export-{Guid.NewGuid():N}.zip");
        await RecipeArchive.WriteAsync(zip, recipe, media, files, cancellationToken);
        var bytes = await System.IO.File.ReadAllBytesAsync(zip, cancellationToken);
        System.IO.File.Delete(zip);
        return File(bytes, "application/zip", $"blogsite-{stamp}.zip");
    }
}
