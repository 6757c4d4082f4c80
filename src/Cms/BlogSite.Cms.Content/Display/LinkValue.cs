namespace BlogSite.Cms.Content.Display;

/// A link a field shows: its text and an address a reader may follow.
public sealed record LinkValue(string Text, string Url);
