namespace BlogSite.Cms.Content.Users;

/// A person's picture: a small square WebP kept in the database, so every web node serves it and a database backup
/// holds it. A new picture gets a new id, which is its address, so browsers may keep one forever.
public sealed class UserAvatar
{
    public string Id { get; set; } = "";

    public byte[] Image { get; set; } = [];
}
