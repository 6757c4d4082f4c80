namespace BlogSite.Cms.Content.Fields;

/// Every kind of field the CMS has, with the name editors read.
public static class ContentFieldKinds
{
    public static IReadOnlyList<(string Kind, string DisplayName)> All { get; } =
    [
        (nameof(TextField), "Text"),
        (nameof(MarkdownField), "Markdown"),
        (nameof(HtmlField), "HTML"),
        (nameof(BooleanField), "Yes / no"),
        (nameof(NumericField), "Number"),
        (nameof(DateTimeField), "Date and time"),
        (nameof(LinkField), "Link"),
        (nameof(ContentPickerField), "Content items"),
        (nameof(MediaField), "Images"),
        (nameof(TaxonomyField), "Taxonomy terms"),
    ];

    public static bool Exists(string kind) => All.Any(k => k.Kind == kind);
}
