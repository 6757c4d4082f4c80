namespace BlogSite.Cms.Admin.Navigation;

/// A link of the admin menu a module registers: under <see cref="Group"/>, at <see cref="Order"/>, to a Razor page,
/// shown to users holding any of <see cref="Permissions"/> while <see cref="Feature"/> (if any) is enabled.
public sealed record AdminMenuEntry(string Group, string Text, string PageName, int Order, params string[] Permissions)
{
    public string? Feature { get; init; }
}
