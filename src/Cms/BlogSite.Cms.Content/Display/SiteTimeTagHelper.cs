using System.Globalization;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BlogSite.Cms.Content.Display;

/// <c>&lt;site-time utc="…" /&gt;</c>: a stored UTC time shown in the site's time zone, the one place admin pages and the
/// theme turn stored times into what people read, as a <c>&lt;time&gt;</c> element whose tooltip keeps the UTC value.
[HtmlTargetElement("site-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SiteTimeTagHelper(SiteSettingsStore settings) : TagHelper
{
    public DateTime? Utc { get; set; }

    public string Format { get; set; } = "yyyy-MM-dd HH:mm";

    /// Names the zone after the time; tables name it once in their header instead.
    public bool ShowZone { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Utc is not { } utc)
        {
            output.SuppressOutput();
            return;
        }

        var site = await settings.GetAsync();
        var stored = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", stored.ToString("o", CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("title", stored.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        output.Content.SetContent(site.ShowTime(utc, Format, ShowZone));
    }
}
