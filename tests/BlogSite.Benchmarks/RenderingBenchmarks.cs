using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Benchmarks;

/// Per-item work on the hot paths: rendering a post's Markdown (every page view) and indexing an item (every save).
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private readonly MarkdownRenderer markdown = new();
    private readonly string body = string.Join("\n\n", Enumerable.Repeat(
        "Since this year's nuclear test and the rounds of U.S. and U.N. *sanctions* that followed, I've tracked the " +
        "implementation and enforcement of [shipping sanctions](https://example.org) closely on this site.", 8));

    private readonly ContentItem post = ContentItemJson.Read(JsonNode.Parse("""
        { "ContentItemId": "p", "ContentType": "BlogPost", "Published": true, "AutoroutePart": { "Path": "blog/p" },
          "ContainedPart": { "ListContentItemId": "blog" },
          "BlogPost": { "Tags": { "TaxonomyContentItemId": "t", "TermContentItemIds": [ "a", "b", "c" ] },
                        "Category": { "TaxonomyContentItemId": "c", "TermContentItemIds": [ "x" ] } } }
        """)!.AsObject());

    private int edition;

    /// A new text every call, so this measures rendering and sanitizing rather than the renderer's cache.
    [Benchmark]
    public string RenderMarkdown() => markdown.ToHtml(body + (++edition).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Benchmark]
    public string RenderCachedMarkdown() => markdown.ToHtml(body);

    [Benchmark]
    public ContentIndexEntries IndexPost() => ContentIndexer.Build(post);
}
