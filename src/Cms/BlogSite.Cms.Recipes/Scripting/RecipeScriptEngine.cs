using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace BlogSite.Cms.Recipes.Scripting;

/// A JavaScript engine (Jint) for one recipe's script values, with Orchard Core's recipe functions and nothing of the
/// host: no .NET types, a time, memory, statement and recursion limit, so a recipe can compute values but not reach or
/// stall the server. "js" has uuid, variables, parameters, configuration, base64 (decode), html (decode) and gzip;
/// "file" has text and base64 (encode) of files in the recipe's folder.
internal sealed class RecipeScriptEngine : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    private readonly Engine engine;
    private readonly string kind;

    public RecipeScriptEngine(string kind, RecipeScriptScope scope)
    {
        this.kind = kind;
        engine = new Engine(options => options
            .LimitMemory(64 * 1024 * 1024)
            .TimeoutInterval(TimeLimit)
            .MaxStatements(100_000)
            .LimitRecursion(256));
        if (kind == "file")
        {
            engine.SetValue("text", new Func<string, string>(path => File.ReadAllText(scope.ResolveFile(path))));
            engine.SetValue("base64", new Func<string, string>(path => Convert.ToBase64String(File.ReadAllBytes(scope.ResolveFile(path)))));
            return;
        }

        engine.SetValue("uuid", new Func<string>(ContentItemIdGenerator.NewId));
        engine.SetValue("variables", new Func<string, JsValue>(name => ToJs(scope.Variable(name))));
        engine.SetValue("parameters", new Func<string, string>(scope.Parameter));
        engine.SetValue("configuration", new Func<string, JsValue, JsValue>((key, fallback) =>
            scope.Configuration(key) is { } value ? new JsString(value) : fallback is null || fallback.IsUndefined() ? JsValue.Null : fallback));
        engine.SetValue("base64", new Func<string, string>(DecodeBase64));
        engine.SetValue("html", new Func<string, string>(WebUtility.HtmlDecode));
        engine.SetValue("gzip", new Func<string, string>(Gunzip));
    }

    public void Dispose() => engine.Dispose();

    /// The script's completion value: its last expression, after any declarations (`const d = new Date(); d.getFullYear()`).
    public object? Evaluate(string script)
    {
        try
        {
            return FromJs(engine.Evaluate(script));
        }
        catch (JavaScriptException e) when (e.Error is Jint.Native.Object.ObjectInstance error && error.Get("name").ToString() == "SyntaxError")
        {
            throw new ScriptException($"[{kind}: …] is not valid JavaScript: {e.Message}");
        }
        catch (JavaScriptException e)
        {
            throw new ScriptException($"[{kind}: …] failed: {e.Message}");
        }
        catch (Exception e) when (e is TimeoutException or MemoryLimitExceededException or StatementsCountOverflowException or RecursionDepthOverflowException)
        {
            throw new ScriptException($"[{kind}: …] was stopped: it ran past the limits a recipe's script has ({e.Message}).");
        }
        catch (Exception e) when (e.GetType().Name.Contains("Parse", StringComparison.Ordinal) || e.GetType().Name.Contains("Syntax", StringComparison.Ordinal))
        {
            throw new ScriptException($"[{kind}: …] is not valid JavaScript: {e.Message}");
        }
    }

    private object? FromJs(JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsString())
        {
            return value.AsString();
        }

        if (value.IsNumber())
        {
            return value.AsNumber();
        }

        if (value.IsBoolean())
        {
            return value.AsBoolean();
        }

        // Objects and arrays as JSON; a Date becomes its ISO string, as JSON.stringify writes it.
        var json = new JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString()) switch
        {
            JsonValue text when text.TryGetValue<string>(out var s) => s,
            var node => node,
        };
    }

    private JsValue ToJs(object? value) => value switch
    {
        null => JsValue.Null,
        string text => new JsString(text),
        double number => new JsNumber(number),
        bool flag => flag ? JsBoolean.True : JsBoolean.False,
        JsonValue json when json.TryGetValue<string>(out var text) => new JsString(text),
        JsonValue json when json.TryGetValue<double>(out var number) => new JsNumber(number),
        JsonValue json when json.TryGetValue<bool>(out var flag) => flag ? JsBoolean.True : JsBoolean.False,
        JsonNode json => new JsonParser(engine).Parse(json.ToJsonString()),
        var other => new JsString(other.ToString() ?? ""),
    };

    private static string DecodeBase64(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            throw new ScriptException("base64(): the argument is not valid Base64.");
        }
    }

    /// Orchard Core's gzip(): Base64 of gzip-compressed bytes in, Base64 of the bytes they hold out.
    private static string Gunzip(string value)
    {
        try
        {
            using var input = new MemoryStream(Convert.FromBase64String(value));
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return Convert.ToBase64String(output.ToArray());
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new ScriptException("gzip(): the argument is not Base64 of gzip-compressed data.");
        }
    }
}
