using Microsoft.AspNetCore.Html;

namespace BlogSite.Cms.Content.Display;

/// An item stored inside another (a bag's item, a flow's widget) as its default template shows it: its type, title,
/// body (sanitized) and fields, then the items nested in it.
public sealed record NestedItemView(string ContentType, string? Title, IHtmlContent? Body, IReadOnlyList<FieldView> Fields, IReadOnlyList<NestedItemView> Items);
