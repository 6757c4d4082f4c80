using Microsoft.AspNetCore.Mvc.Razor;

namespace BlogSite.Cms.Content.Themes;

/// Finds layouts, partials and view components first in the current theme's folder (/Themes/{theme}/…), so a theme
/// is a set of views with the names the modules ask for, and switching themes needs no restart.
public sealed class ThemeViewLocations : IViewLocationExpander
{
    public const string Key = "theme";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.HttpContext.Items[Key] is string theme)
        {
            context.Values[Key] = theme;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var theme = context.Values.TryGetValue(Key, out var current) && current is not null ? current : SiteThemes.DefaultTheme;
        return viewLocations.Prepend($"/Themes/{theme}/{{0}}{RazorViewEngine.ViewExtension}");
    }
}
