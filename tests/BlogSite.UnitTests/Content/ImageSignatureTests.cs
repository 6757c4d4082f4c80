using System.Text;
using BlogSite.Cms.Content.Media;

namespace BlogSite.UnitTests.Content;

public sealed class ImageSignatureTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, ".jpg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, ".png")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0 }, ".gif")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56 }, ".webp")]
    public void ImagesAreKnownByTheirFirstBytes(byte[] head, string extension) =>
        Assert.Equal(extension, ImageSignature.ExtensionOf(head));

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<!DOCTYPE html><html><body>not an image</body></html>")]
    [InlineData("RIFF1234WAVEfmt ")]
    [InlineData("")]
    public void AnythingElseIsNotAnImageWhateverItsNameSays(string text) =>
        Assert.Null(ImageSignature.ExtensionOf(Encoding.UTF8.GetBytes(text)));
}
