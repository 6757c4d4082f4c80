namespace BlogSite.Cms.Content.Fields;

/// A link: its address, the text shown (the address when empty) and Orchard Core's optional target.
public sealed record LinkField(string? Url, string? Text = null, string? Target = null);
