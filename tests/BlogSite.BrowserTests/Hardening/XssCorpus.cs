namespace BlogSite.BrowserTests.Hardening;

/// The project's own XSS corpus, kept here so every input that shows text can be tried with all of it. Every payload
/// that could run calls alert(1), so a payload that runs opens a dialog (or, stopped by the Content-Security-Policy,
/// reports a violation), whichever page it runs on. Each payload is under 200 characters.
public static class XssCorpus
{
    /// Script addresses, for the inputs that take an address (menu links, link fields); they are payloads as well.
    public static IReadOnlyList<string> ScriptAddresses { get; } =
    [
        // Script addresses: plain, mixed case, entity-encoded colon and letter, split by a tab, led by control characters, data: HTML.
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "javascript&#58;alert(1)",
        "java\tscript:alert(1)",
        "\u0001 javascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    ];

    public static IReadOnlyList<string> Payloads { get; } =
    [
        .. ScriptAddresses,

        // Script elements: plain, mixed case, one split by a nested one (left whole by a filter that strips once), a data: source.
        "<script>alert(1)</script>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<script src=data:text/javascript,alert(1)></script>",

        // Event handlers that fire without a click: load and error events, a toggle, autofocus, a marquee's start.
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<video src=x onerror=alert(1)></video>",
        "<audio src=x onerror=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<marquee onstart=alert(1)>x</marquee>",

        // Script addresses in Markdown: inline links, entity-encoded and tab-split ones, an autolink, a reference link, an image source, data: HTML.
        "[x](javascript:alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "<javascript:alert(1)>",
        "[x][xss]\n\n[xss]: javascript:alert(1)",
        "![x](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",

        // Markdown that writes attributes: quotes in a link's title and an image's alt text, raw HTML as a link's text.
        "[x](https://example.org '\" onmouseover=\"alert(1)')",
        "![\" onerror=\"alert(1)](https://example.org/x.png)",
        "[<img src=x onerror=alert(1)>](https://example.org/)",

        // Script addresses in HTML links: plain, hex and semicolon-less decimal entities, an encoded tab, data: HTML.
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<a href=\"&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",

        // Frames and plugins: a srcdoc document, a script address as a frame's, an object's or an embed's source.
        "<iframe srcdoc=\"<script>parent.alert(1)</script>\"></iframe>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",

        // SVG: animation that turns a link's href into a script address, and SVG's own script element.
        "<svg><a><animate attributeName=href values=javascript:alert(1) /><text y=20>x</text></a></svg>",
        "<svg><a><set attributeName=href to=javascript:alert(1) /><text y=20>x</text></a></svg>",
        "<svg><script>alert(1)</script></svg>",

        // Mutation XSS: markup a sanitizer reads one way and the browser, parsing the sanitizer's output again, another.
        "<math><mtext></p><script>alert(1)</script>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<svg></p><style><a id=\"</style><img src=x onerror=alert(1)>\">",
        "<template><img src=x onerror=alert(1)></template>",

        // Leaving the raw-text and RCDATA elements a page puts text in: style, title, textarea, the JSON-LD script, an option.
        "</style><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "\u2028\u2029</script><script>alert(1)</script>",
        "</option></select><img src=x onerror=alert(1)>",

        // Leaving an attribute's value quoted with ", ' or `, or not quoted at all.
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "`><img src=x onerror=alert(1)>",
        "\" autofocus onfocus=\"alert(1)",
        "x onmouseover=alert(1) y",

        // Comments and CDATA: a comment closed early, CDATA in HTML, leaving an RSS item's CDATA section or its element.
        "<!--><img src=x onerror=alert(1)>-->",
        "<![CDATA[><img src=x onerror=alert(1)>]]>",
        "]]><script>alert(1)</script><![CDATA[",
        "</title><description><![CDATA[<script>alert(1)</script>]]></description>",

        // Taking the document over: a script base address, a refresh to a script address, forms that post to one.
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<form action=javascript:alert(1)><button>x</button></form>",
        "<button formaction=javascript:alert(1)>x</button>",

        // Script in CSS: a script address as a background, and Internet Explorer's expression().
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<div style=\"width:expression(alert(1))\">x</div>",

        // Markdown code spans and fenced blocks (shown as text) against raw HTML blocks and inline HTML (sanitized).
        "`<script>alert(1)</script>`",
        "```\n</code></pre><script>alert(1)</script>\n```",
        "<div>\n\n<script>alert(1)</script>\n\n</div>",
        "**<img src=x onerror=alert(1)>**",

        // Escapes and look-alikes: fullwidth brackets, JavaScript Unicode escapes (text and in a handler), entities encoded once already.
        "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E",
        "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
        "<img src=x onerror=\\u0061lert(1)>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",

        // Template injection: an AngularJS sandbox escape, Liquid output with a raw filter, a Liquid raw block.
        "{{constructor.constructor('alert(1)')()}}",
        "{{ '<script>alert(1)</script>' | raw }}",
        "{% raw %}<script>alert(1)</script>{% endraw %}",

        // Video placeholders: a forged one whose id would be code, a real id with a script link, a video line carrying markup.
        "<figure class=\"embed\" data-embed-provider=\"youtube\" data-embed-id=\"x');alert(1);//\"><a class=\"embed-play\" href=\"#\">Play the video on YouTube</a></figure>",
        "<figure class=\"embed\" data-embed-provider=\"youtube\" data-embed-id=\"dQw4w9WgXcQ\"><a class=\"embed-play\" href=\"javascript:alert(1)\">Play</a></figure>",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&x=\"><script>alert(1)</script>",
    ];
}
