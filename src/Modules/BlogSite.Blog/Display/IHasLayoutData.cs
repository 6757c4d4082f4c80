namespace BlogSite.Blog.Display;

/// Implemented by every public page model, so the theme's layout can read the page title without string keys.
public interface IHasLayoutData
{
    LayoutData Layout { get; }
}
