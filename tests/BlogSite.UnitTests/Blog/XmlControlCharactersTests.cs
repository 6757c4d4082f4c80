using System.Text;
using System.Xml.Linq;
using BlogSite.Blog.Feeds;

namespace BlogSite.UnitTests.Blog;

public sealed class XmlControlCharactersTests
{
    [Theory]
    [InlineData("<t>a\u0001b\u001Fc</t>", "abc")]
    [InlineData("<t>a&#x1;b&#1;c&#x0B;d</t>", "abcd")]
    [InlineData("<t>a\uFFFEb&#xFFFF;c&#65534;d</t>", "abcd")]
    [InlineData("<t>tab\tand\nnew line, é and 漢字 and 😀</t>", "tab\tand\nnew line, é and 漢字 and 😀")]
    [InlineData("<t>a&#x9;b&#10;c&#13;d&#x20;e&#31;f</t>", "a\tb\nc\rd ef")]
    public void ControlCharactersAreDroppedAndEverythingElseKept(string xml, string text)
    {
        var stripped = XmlControlCharacters.Strip(Encoding.UTF8.GetBytes(xml));

        Assert.Equal(text, XDocument.Parse(Encoding.UTF8.GetString(stripped.Span)).Root!.Value);
    }

    [Fact]
    public void AFeedWithoutThemIsPassedOnAsItIs()
    {
        var xml = Encoding.UTF8.GetBytes("<t>&amp; é 漢字 \uFF01 and 😀</t>");

        var stripped = XmlControlCharacters.Strip(xml);

        Assert.True(stripped.Span.SequenceEqual(xml));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(stripped, out var same) && ReferenceEquals(same.Array, xml));
    }
}
