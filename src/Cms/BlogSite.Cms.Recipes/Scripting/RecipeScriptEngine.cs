using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Acornima.Ast;
using BlogSite.Cms.Content.Model;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace BlogSite.Cms.Recipes.Scripting;

/// Runs one recipe script value in JavaScript (Jint) with Orchard Core's recipe functions and nothing of the host:
/// no .NET types, and limits on time, memory, statements, recursion, array sizes and what comes back, so a recipe
/// can compute values but not reach or stall the server. Each value gets an engine of its own, as in Orchard Core,
/// so no script sees another's declarations or can replace the functions for later ones; parsed scripts are reused.
/// "js" has uuid, variables, parameters, configuration, base64 (decode), html (decode) and gzip; "file" has text and
/// base64 (encode) of files in the recipe's folder.
internal static class RecipeScriptEngine
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    /// What one value, a decompressed gzip() or a file read by a script may hold.
    private const int MaxBytes = 64 * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, Prepared<Script>> Parsed = new(StringComparer.Ordinal);

    /// The script's completion value (its last expression, after any declarations): a string, double, bool, JsonNode
    /// (objects and arrays) or null.
    public static object? Evaluate(string kind, string script, RecipeScriptScope scope)
    {
        try
        {
            var prepared = Parsed.Count < 10_000 ? Parsed.GetOrAdd(script, static s => Engine.PrepareScript(s)) : Engine.PrepareScript(script);
            using var engine = Create(kind, scope);
            return FromJs(engine, engine.Evaluate(prepared));
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
        catch (ScriptPreparationException e)
        {
            throw new ScriptException($"[{kind}: …] is not valid JavaScript: {e.InnerException?.Message ?? e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScriptException($"[{kind}: …] could not read a file: {e.Message}");
        }
    }

    private static Engine Create(string kind, RecipeScriptScope scope)
    {
        var engine = new Engine(options => options
            .LimitMemory(64 * 1024 * 1024)
            .TimeoutInterval(TimeLimit)
            .MaxStatements(100_000)
            .LimitRecursion(256)
            .MaxArraySize(1_000_000));
        if (kind == "file")
        {
            engine.SetValue("text", new Func<string, string>(path => File.ReadAllText(Small(scope.ResolveFile(path)))));
            engine.SetValue("base64", new Func<string, string>(path => Convert.ToBase64String(File.ReadAllBytes(Small(scope.ResolveFile(path))))));
            return engine;
        }

        engine.SetValue("uuid", new Func<string>(ContentItemIdGenerator.NewId));
        engine.SetValue("variables", new Func<string, JsValue>(name => ToJs(engine, scope.Variable(name))));
        engine.SetValue("parameters", new Func<string, string>(scope.Parameter));
        engine.SetValue("configuration", new Func<string, JsValue, JsValue>((key, fallback) =>
            scope.Configuration(key) is { } value ? new JsString(value) : fallback is null || fallback.IsUndefined() ? JsValue.Null : fallback));
        engine.SetValue("base64", new Func<string, string>(DecodeBase64));
        engine.SetValue("html", new Func<string, string>(WebUtility.HtmlDecode));
        engine.SetValue("gzip", new Func<string, string>(Gunzip));
        return engine;
    }

    private static object? FromJs(Engine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsString())
        {
            return value.AsString().Length <= MaxBytes ? value.AsString() : throw TooLarge();
        }

        if (value.IsNumber())
        {
            // JSON has no NaN or Infinity; such a value is no value.
            return double.IsFinite(value.AsNumber()) ? value.AsNumber() : null;
        }

        if (value.IsBoolean())
        {
            return value.AsBoolean();
        }

        // Objects and arrays as JSON; a Date becomes its ISO string, as JSON.stringify writes it.
        var json = new JsonSerializer(engine).Serialize(value);
        if (json.IsUndefined())
        {
            return null;
        }

        return json.AsString().Length > MaxBytes ? throw TooLarge() : JsonNode.Parse(json.AsString()) switch
        {
            JsonValue text when text.TryGetValue<string>(out var s) => s,
            var node => node,
        };
    }

    private static JsValue ToJs(Engine engine, object? value) => value switch
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

    private static string Small(string file) =>
        new FileInfo(file).Length <= MaxBytes ? file : throw new ScriptException($"'{Path.GetFileName(file)}' is larger than a script may read ({MaxBytes / 1024 / 1024} MB).");

    private static ScriptException TooLarge() => new($"A script's value may be at most {MaxBytes / 1024 / 1024} MB.");

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

    /// Orchard Core's gzip(): Base64 of gzip-compressed bytes in, Base64 of the bytes they hold out, at most 64 MB of
    /// them (a few kilobytes can hold gigabytes).
    private static string Gunzip(string value)
    {
        try
        {
            using var input = new MemoryStream(Convert.FromBase64String(value));
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxBytes)
                {
                    throw new ScriptException($"gzip(): the data holds more than {MaxBytes / 1024 / 1024} MB.");
                }

                output.Write(buffer, 0, read);
            }

            return Convert.ToBase64String(output.ToArray());
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new ScriptException("gzip(): the argument is not Base64 of gzip-compressed data.");
        }
    }
}
