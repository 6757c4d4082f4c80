namespace BlogSite.Cms.Recipes.Export;

/// What to export. No types and no items means the whole site. A setup export keeps item ids (so containers, terms
/// and term parents still point at each other) but drops version ids and users, and writes owners as the setup's
/// admin parameters, so it can set up a fresh site. Without <see cref="WithAccess"/> it leaves out the Roles and Users
/// steps and the security settings (the Base URL, sign-in settings), which only a target client given those scopes
/// may import (<see cref="Execution.RecipeTrust"/>), and which a target keeps its own of.
public sealed record ExportOptions(
    bool Setup = false, IReadOnlyCollection<string>? Types = null, IReadOnlyCollection<string>? Items = null, bool WithAccess = true)
{
    public bool WholeSite => (Types is null || Types.Count == 0) && (Items is null || Items.Count == 0);
}
