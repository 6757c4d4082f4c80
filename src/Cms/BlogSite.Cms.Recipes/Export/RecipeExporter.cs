using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Themes;
using BlogSite.Cms.Content.Users;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Steps;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Recipes.Export;

/// Writes the site as an Orchard Core recipe: features, themes, settings, roles, definitions, every latest and
/// published version, and the steps BlogSite kept without running.
public sealed class RecipeExporter(
    CmsDbContext db,
    FeatureManager features,
    DocumentStore documents,
    SiteSettingsStore settings,
    ContentDefinitionStore definitions,
    KeptStepStore keptSteps,
    TimeProvider clock)
{
    public Task<JsonObject> ExportAsync(bool setup, CancellationToken cancellationToken = default) =>
        ExportAsync(new ExportOptions(setup), cancellationToken);

    public async Task<JsonObject> ExportAsync(ExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var setup = options.Setup;
        var site = await settings.GetAsync(cancellationToken);
        var steps = new JsonArray
        {
            new JsonObject { ["name"] = "feature", ["enable"] = new JsonArray([.. (await features.GetEnabledAsync(cancellationToken)).Select(f => JsonValue.Create(f))]) },
        };

        var themes = await documents.GetAsync<ThemeSelection>(SiteThemes.DocumentKey, cancellationToken);
        if (themes.Site is not null || themes.Admin is not null)
        {
            steps.Add(new JsonObject { ["name"] = "themes", ["site"] = themes.Site, ["admin"] = themes.Admin });
        }

        var settingsStep = new JsonObject { ["name"] = "settings" };
        foreach (var (key, value) in site.All.Where(s => options.WithAccess || !SecuritySettings.IsSecuritySetting(s.Key)))
        {
            settingsStep[key] = value?.DeepClone();
        }

        steps.Add(settingsStep);
        if (options.WithAccess)
        {
            steps.Add(await RolesStepAsync(cancellationToken));
        }

        if (!setup && options.WithAccess)
        {
            steps.Add(await UsersStepAsync(cancellationToken));
        }

        var definitionStep = JsonSerializer.SerializeToNode(await definitions.GetAsync(cancellationToken), ContentJson.Options)!.AsObject();
        definitionStep.Insert(0, "name", "ContentDefinition");
        steps.Add(definitionStep);

        var items = await ExportSelection.SelectAsync(db, options, cancellationToken);
        steps.Add(new JsonObject { ["name"] = "content", ["Data"] = new JsonArray([.. items.Select(i => Write(i, setup))]) });

        if ((await documents.GetAsync(DeploymentStep.DocumentKey, cancellationToken))["Plans"] is JsonArray { Count: > 0 } plans)
        {
            steps.Add(new JsonObject { ["name"] = "deployment", ["Plans"] = new JsonArray([.. plans.OfType<JsonObject>().Select(DeploymentStep.Normalized)]) });
        }

        foreach (var kept in await keptSteps.GetAsync(cancellationToken))
        {
            steps.Add(kept.DeepClone());
        }

        return new JsonObject
        {
            ["name"] = setup ? "BlogSite.Export.Setup" : "BlogSite.Export",
            ["displayName"] = $"{site.SiteName} export",
            ["description"] = $"Exported by BlogSite on {ContentItemJson.Format(clock.GetUtcNow().UtcDateTime)}.",
            ["author"] = "BlogSite",
            ["website"] = "",
            ["version"] = "1.0.0",
            ["issetuprecipe"] = setup,
            ["categories"] = new JsonArray(),
            ["tags"] = new JsonArray(),
            ["steps"] = steps,
        };
    }

    /// The media paths the exported items use, for archives of part of a site.
    public async Task<IReadOnlyList<string>> MediaPathsAsync(ExportOptions options, CancellationToken cancellationToken = default) =>
        [.. ExportSelection.MediaPaths(await ExportSelection.SelectAsync(db, options, cancellationToken))];

    private static JsonObject Write(ContentItem item, bool setup)
    {
        var json = ContentItemJson.Write(item);
        if (setup)
        {
            json.Remove("ContentItemVersionId");
            json["Owner"] = "[js: parameters('AdminUserId')]";
            json["Author"] = "[js: parameters('AdminUsername')]";
        }

        return json;
    }

    /// Users with their Identity password hash, never a plain password, and the fields Orchard Core's Users step reads.
    private async Task<JsonObject> UsersStepAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roleNames = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var list = new JsonArray();
        foreach (var user in users)
        {
            list.Add(new JsonObject
            {
                ["UserId"] = user.Id,
                ["UserName"] = user.UserName,
                ["NormalizedUserName"] = user.NormalizedUserName,
                ["Email"] = user.Email,
                ["NormalizedEmail"] = user.NormalizedEmail,
                ["EmailConfirmed"] = user.EmailConfirmed,
                ["IsEnabled"] = user.IsEnabled,
                ["RoleNames"] = new JsonArray([.. roleNames.Where(r => r.UserId == user.Id).Select(r => r.Name).Order(StringComparer.Ordinal).Select(n => JsonValue.Create(n))]),
                ["PasswordHash"] = user.PasswordHash,
                // Orchard Core's Users step writes the stamp as it comes; without one its sign-in check fails.
                ["SecurityStamp"] = user.SecurityStamp,
            });
        }

        return new JsonObject { ["name"] = "Users", ["Users"] = list };
    }

    private async Task<JsonObject> RolesStepAsync(CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var claims = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == CmsRole.PermissionClaimType).ToListAsync(cancellationToken);
        var list = new JsonArray();
        foreach (var role in roles)
        {
            list.Add(new JsonObject
            {
                ["Name"] = role.Name,
                ["Description"] = role.Description,
                ["Permissions"] = new JsonArray([.. claims.Where(c => c.RoleId == role.Id).Select(c => c.ClaimValue).Order(StringComparer.Ordinal).Select(v => JsonValue.Create(v))]),
            });
        }

        return new JsonObject { ["name"] = "Roles", ["Roles"] = list };
    }
}
