namespace BlogSite.Cms.Content.Model;

/// How a change to an item's structure ended: its message, or the field at fault and why nothing was changed.
public sealed record ContentChange(string? Message, string? Field = null, string? Error = null)
{
    public bool Succeeded => Error is null;
}
