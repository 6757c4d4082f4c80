using BlogSite.Blog.Display;
using BlogSite.Cms.Content.Menus;
using Microsoft.AspNetCore.Mvc;

namespace BlogSite.Blog.Navigation;

/// The site's main menu, for the theme's header (Components/MainMenu/Default.cshtml); the current page is marked.
public sealed class MainMenuViewComponent(MenuQueries menus) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(new MainMenuView(await menus.MainMenuAsync(HttpContext.RequestAborted), HttpContext.Request.Path.Value ?? "/"));
}
