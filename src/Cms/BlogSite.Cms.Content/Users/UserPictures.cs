using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace BlogSite.Cms.Content.Users;

/// People's pictures for bylines and author pages: checked as any upload is, cut to their middle square, kept as a
/// small WebP in the database and served at an address that changes with the picture.
public sealed class UserPictures(CmsDbContext db, UserManager<CmsUser> users, IOptions<MediaOptions> options)
{
    /// Pixels a side: sharp at twice the 4rem the author page shows it at.
    public const int Size = 256;

    public static string? UrlOf(CmsUser? user) => UrlOf(user?.AvatarId);

    public static string? UrlOf(string? avatarId) => string.IsNullOrEmpty(avatarId) ? null : $"/avatars/{avatarId}.webp";

    /// Replaces the person's picture with the uploaded image; throws <see cref="MediaUploadException"/> with the reason
    /// when the file is not one.
    public async Task SetAsync(CmsUser user, Stream content, string fileName, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var upload = await UploadedImage.ReadAsync(content, fileName, length, options.Value.MaxUploadBytes, cancellationToken);
        var square = ImageDecoder.Square(upload.Bytes, Size, SKEncodedImageFormat.Webp, 85)
            ?? throw new MediaUploadException($"'{fileName}' looks like an image but cannot be read; it may be damaged.");
        var avatar = new UserAvatar { Id = Guid.NewGuid().ToString("N"), Image = square };
        await ReplaceAsync(user, avatar, cancellationToken);
    }

    public Task RemoveAsync(CmsUser user, CancellationToken cancellationToken) => ReplaceAsync(user, null, cancellationToken);

    public Task<byte[]?> ImageAsync(string id, CancellationToken cancellationToken) =>
        db.UserAvatars.AsNoTracking().Where(a => a.Id == id).Select(a => a.Image).FirstOrDefaultAsync(cancellationToken)!;

    /// The user row and the pictures change together, or not at all.
    private async Task ReplaceAsync(CmsUser user, UserAvatar? avatar, CancellationToken cancellationToken)
    {
        var old = user.AvatarId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (avatar is not null)
        {
            db.UserAvatars.Add(avatar);
        }

        user.AvatarId = avatar?.Id;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            // Another change to the account got there first (its concurrency stamp moved): nothing is kept.
            throw new MediaUploadException($"Your picture was not saved: {string.Join(" ", result.Errors.Select(e => e.Description))} Try again.");
        }

        if (old is not null)
        {
            await db.UserAvatars.Where(a => a.Id == old).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
