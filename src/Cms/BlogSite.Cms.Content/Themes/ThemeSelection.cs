namespace BlogSite.Cms.Content.Themes;

/// The site's and the admin's theme, as Orchard Core's themes step records them.
public sealed class ThemeSelection
{
    public string? Site { get; set; }

    public string? Admin { get; set; }
}
