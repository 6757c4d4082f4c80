using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Users;
using BlogSite.Cms.Recipes.Reading;
using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "Roles", "Roles": [{"Name", "Description", "Permissions": [...]}]}`, with Orchard Core's meaning: a role
/// created with no permissions gets its stereotype's defaults (what the modules declare for "Editor", "Author"…); an
/// existing role listed with none keeps its own, with a warning; otherwise its permissions become the listed ones.
/// Names are written as they are called now ("ManageTaxonomies" becomes "ManageTaxonomy").
public sealed class RolesStep(RoleManager<CmsRole> roles, PermissionCatalog catalog) : IRecipeStep
{
    public string Name => "Roles";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Read(context);
    }

    public async Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (path, name, description, listed) in Read(context))
        {
            var role = await roles.FindByNameAsync(name);
            var permissions = listed.Select(catalog.Canonical).ToHashSet(StringComparer.Ordinal);
            if (role is null)
            {
                role = new CmsRole { Name = name, Description = description };
                (await roles.CreateAsync(role)).ThrowIfFailed(context, path);
                if (permissions.Count == 0)
                {
                    permissions = [.. catalog.DefaultsFor(name)];
                }
            }
            else
            {
                if (description is not null && role.Description != description)
                {
                    role.Description = description;
                    (await roles.UpdateAsync(role)).ThrowIfFailed(context, path);
                }

                if (permissions.Count == 0)
                {
                    if (name != RoleNames.Administrator)
                    {
                        context.Warning($"{path}.Permissions", $"The role '{name}' exists; an empty list leaves its permissions as they are.");
                    }

                    continue;
                }
            }

            (await roles.SetPermissionsAsync(role, permissions)).ThrowIfFailed(context, path);
        }
    }

    private static List<(string Path, string Name, string? Description, HashSet<string> Permissions)> Read(RecipeStepContext context)
    {
        var result = new List<(string, string, string?, HashSet<string>)>();
        var key = RecipeReader.KeyOf(context.Step, "Roles");
        var array = context.ArrayProperty("Roles", required: true);
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var path = $"{key}[{i}]";
            if (array[i] is not JsonObject role)
            {
                context.Error(path, "A role must be an object with a 'Name'.");
                continue;
            }

            var name = RecipeReader.StringProperty(role, "Name");
            if (string.IsNullOrWhiteSpace(name))
            {
                context.Error($"{path}.Name", "A role needs a 'Name'.");
                continue;
            }

            var permissions = new HashSet<string>(StringComparer.Ordinal);
            switch (RecipeReader.Property(role, "Permissions"))
            {
                case null:
                    break;
                case JsonArray list:
                    for (var p = 0; p < list.Count; p++)
                    {
                        if (list[p] is JsonValue value && value.TryGetValue<string>(out var permission) && permission.Length > 0)
                        {
                            permissions.Add(permission);
                        }
                        else
                        {
                            context.Error($"{path}.Permissions[{p}]", "A permission must be a non-empty string.");
                        }
                    }

                    break;
                default:
                    context.Error($"{path}.Permissions", "'Permissions' must be an array of permission names.");
                    break;
            }

            result.Add((path, name, RecipeReader.StringProperty(role, "Description"), permissions));
        }

        return result;
    }
}
