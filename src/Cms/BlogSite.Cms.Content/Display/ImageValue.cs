namespace BlogSite.Cms.Content.Display;

/// An image a media field shows, with its alternative text.
public sealed record ImageValue(string Url, string Alt);
