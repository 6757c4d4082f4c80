namespace BlogSite.Cms.Content.Storage;

/// A site-wide JSON document by key: content definitions, site settings, enabled features, themes, setup state.
public sealed class DocumentRecord
{
    public string Key { get; set; } = "";

    public string Data { get; set; } = "{}";
}
