using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BlogSite.Cms.Content.Display;

/// <c>&lt;site-zone /&gt;</c>: the name of the site's time zone, for table headers whose times <c>&lt;site-time&gt;</c> shows.
[HtmlTargetElement("site-zone", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SiteZoneTagHelper(SiteSettingsStore settings) : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        output.Content.SetContent((await settings.GetAsync()).TimeZone.Id);
    }
}
