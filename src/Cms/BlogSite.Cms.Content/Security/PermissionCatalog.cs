namespace BlogSite.Cms.Content.Security;

/// Every permission the site's modules declare, by group, and the defaults of each role stereotype. Names are
/// Orchard Core's; names BlogSite wrote before read as their current ones.
public sealed class PermissionCatalog(IEnumerable<PermissionDescriptor> permissions, IEnumerable<PermissionAlias> aliases)
{
    private readonly Dictionary<string, PermissionDescriptor> byName = Index(permissions);
    private readonly Dictionary<string, string> canonical = aliases.ToDictionary(a => a.OldName, a => a.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<PermissionDescriptor> All => byName.Values;

    /// Names permissions were once stored under, with their current names.
    public IReadOnlyDictionary<string, string> OldNames => canonical;

    public PermissionDescriptor? Find(string name) => byName.GetValueOrDefault(Canonical(name));

    /// The current name of <paramref name="name"/> (itself unless it is an old name).
    public string Canonical(string name) => canonical.GetValueOrDefault(name, name);

    /// The permissions grouped by the module that declares them, groups and permissions in name order.
    public IReadOnlyList<IGrouping<string, PermissionDescriptor>> Groups() =>
        [.. byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal).GroupBy(p => p.Group).OrderBy(g => g.Key, StringComparer.Ordinal)];

    /// What a role named <paramref name="roleName"/> gets when it is created without a list of its own.
    public IReadOnlyList<string> DefaultsFor(string roleName) =>
        [.. byName.Values.Where(p => p.DefaultRoles.Contains(roleName, StringComparer.OrdinalIgnoreCase)).Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static Dictionary<string, PermissionDescriptor> Index(IEnumerable<PermissionDescriptor> permissions)
    {
        var byName = new Dictionary<string, PermissionDescriptor>(StringComparer.Ordinal);
        foreach (var permission in permissions)
        {
            // A permission two modules declare keeps the first description and every default role.
            byName[permission.Name] = byName.TryGetValue(permission.Name, out var first)
                ? first with { DefaultRoles = [.. first.DefaultRoles.Union(permission.DefaultRoles, StringComparer.OrdinalIgnoreCase)] }
                : permission;
        }

        return byName;
    }
}
