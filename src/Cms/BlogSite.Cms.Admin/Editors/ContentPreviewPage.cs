namespace BlogSite.Cms.Admin.Editors;

/// The page a module offers for drawing any version of an item as readers would see it (its route takes the item's
/// id and a "version" query value); registered with <see cref="AdminModule.AddContentPreview"/>.
public sealed record ContentPreviewPage(string PageName);
