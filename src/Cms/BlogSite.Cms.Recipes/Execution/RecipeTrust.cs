namespace BlogSite.Cms.Recipes.Execution;

/// What a recipe's source may change. Steps that decide who can do what (users and roles) run only for a source
/// holding their scope: the operator (setup, the command line) holds every scope; an administrator on the Import page
/// the scopes of the permissions they hold; an API client the scopes chosen when its key was made (content only by
/// default). <see cref="Source"/> names the source in refusals.
public sealed record RecipeTrust(string Source, IReadOnlySet<string> Scopes)
{
    public const string ContentScope = "content";
    public const string UsersScope = "users";
    public const string RolesScope = "roles";

    public static IReadOnlyList<string> AllScopes { get; } = [ContentScope, UsersScope, RolesScope];

    public static RecipeTrust Operator { get; } = new("the operator (setup or the command line)", AllScopes.ToHashSet(StringComparer.Ordinal));

    public static RecipeTrust ContentOnly(string source) => new(source, new HashSet<string>(StringComparer.Ordinal) { ContentScope });

    /// The scope a step needs: users and roles have their own; every other step changes content, settings or features.
    public static string ScopeOf(string stepName) =>
        stepName.ToUpperInvariant() switch
        {
            "USERS" => UsersScope,
            "ROLES" => RolesScope,
            _ => ContentScope,
        };

    public bool Allows(string stepName) => Scopes.Contains(ScopeOf(stepName));
}
