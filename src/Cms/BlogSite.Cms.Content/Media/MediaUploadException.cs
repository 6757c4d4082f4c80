namespace BlogSite.Cms.Content.Media;

/// An upload the library refuses, with the reason an editor can act on.
public sealed class MediaUploadException(string message) : Exception(message);
