using System.Text.Json.Nodes;

namespace BlogSite.Cms.Recipes.Execution;

/// What a recipe's source may change. Steps that decide who can do what (users, roles, and settings that affect
/// security: <see cref="SecuritySettings"/>) run only for a source holding their scope: the operator (setup, the
/// command line) holds every scope; an administrator on the Import page the scopes of the permissions they hold; an
/// API client the scopes chosen when its key was made (content only by default). <see cref="Source"/> names the
/// source in refusals.
public sealed record RecipeTrust(string Source, IReadOnlySet<string> Scopes)
{
    public const string ContentScope = "content";
    public const string UsersScope = "users";
    public const string RolesScope = "roles";
    public const string SettingsScope = "settings";

    public static IReadOnlyList<string> AllScopes { get; } = [ContentScope, UsersScope, RolesScope, SettingsScope];

    public static RecipeTrust Operator { get; } = new("the operator (setup or the command line)", AllScopes.ToHashSet(StringComparer.Ordinal));

    public static RecipeTrust ContentOnly(string source) => new(source, new HashSet<string>(StringComparer.Ordinal) { ContentScope });

    /// The scope a step needs: users and roles have their own, as do settings that affect security; every other step
    /// changes content, other settings or features.
    public static string ScopeOf(string stepName, JsonObject? step = null) =>
        stepName.ToUpperInvariant() switch
        {
            "USERS" => UsersScope,
            "ROLES" => RolesScope,
            "SETTINGS" when step is not null && SecuritySettings.FirstIn(step) is not null => SettingsScope,
            // A step BlogSite does not run but keeps for Orchard Core (OpenIdServerSettings, an OpenIdApplication).
            _ when SecuritySettings.IsSecuritySetting(stepName) => SettingsScope,
            _ => ContentScope,
        };

    public bool Allows(string stepName, JsonObject? step = null) => Scopes.Contains(ScopeOf(stepName, step));
}
