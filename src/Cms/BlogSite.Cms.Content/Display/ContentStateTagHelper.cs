using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BlogSite.Cms.Content.Display;

/// <c>&lt;content-state state="…" /&gt;</c>: an item's state as a badge, worded and classed by <see cref="ContentState"/>.
[HtmlTargetElement("content-state", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ContentStateTagHelper(SiteSettingsStore settings) : TagHelper
{
    public ContentState? State { get; set; }

    /// Leaves the scheduled time out, for pages that say it in their own words.
    public bool WithTime { get; set; } = true;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (State is not { } state)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"badge {state.CssClass}");
        output.Content.SetContent(WithTime ? state.Label(await settings.GetAsync()) : state.Name);
    }
}
