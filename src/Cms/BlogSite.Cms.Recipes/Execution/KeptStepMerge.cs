using System.Text.Json.Nodes;

namespace BlogSite.Cms.Recipes.Execution;

/// Merges two steps of the same name the way Orchard Core's own steps merge what they store: a dictionary (media
/// profiles, templates, placements) by its keys, a list (queries, layers, admin menus, sitemaps, workflow types) by
/// each entry's identity, anything else replaced by the later value. So a later recipe adds to and updates what an
/// earlier one kept, and never drops it.
public static class KeptStepMerge
{
    /// The properties that name an entry of a list, in the order they are looked for.
    private static readonly string[] IdentityProperties =
        ["Id", "SitemapId", "WorkflowTypeId", "ContentItemId", "Name", "name", "Identifier", "ClientId", "TenantName"];

    /// The properties that make a whole step one thing of its own (Orchard Core's OpenIdApplication has its ClientId,
    /// OpenIdScope its ScopeName): two such steps of one name are two things, never merged.
    private static readonly string[] StepIdentityProperties = ["ClientId", "ScopeName", "TenantName", "Id", "SitemapId", "WorkflowTypeId"];

    /// Which one thing a step describes, or null for a step that holds a collection (merged with others of its name).
    public static string? EntityOf(JsonObject step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return StepIdentityProperties.Select(p => step[p] is JsonValue value ? $"{p}={value}" : null).FirstOrDefault(id => id is not null);
    }

    public static JsonObject Merge(JsonObject earlier, JsonObject later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var merged = (JsonObject)earlier.DeepClone();
        foreach (var (key, value) in later)
        {
            merged[key] = (merged[key], value) switch
            {
                (JsonObject before, JsonObject after) when key != "name" => MergeDictionary(before, after),
                (JsonArray before, JsonArray after) => MergeList(before, after),
                _ => value?.DeepClone(),
            };
        }

        return merged;
    }

    private static JsonObject MergeDictionary(JsonObject before, JsonObject after)
    {
        var merged = (JsonObject)before.DeepClone();
        foreach (var (key, value) in after)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private static JsonArray MergeList(JsonArray before, JsonArray after)
    {
        var merged = (JsonArray)before.DeepClone();
        foreach (var entry in after)
        {
            var index = IndexOf(merged, entry);
            if (index >= 0)
            {
                merged[index] = entry?.DeepClone();
            }
            else
            {
                merged.Add(entry?.DeepClone());
            }
        }

        return merged;
    }

    /// Where an entry with the same identity stands: the same value of the first identity property the entry has, or,
    /// for an entry that is one named object (Lucene's { "Search": { … } }), the same name; an entry with neither is
    /// the same only when it is equal.
    private static int IndexOf(JsonArray list, JsonNode? entry)
    {
        var identity = IdentityOf(entry);
        for (var i = 0; i < list.Count; i++)
        {
            if (identity is not null ? IdentityOf(list[i]) == identity : JsonNode.DeepEquals(list[i], entry))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? IdentityOf(JsonNode? entry)
    {
        if (entry is not JsonObject item)
        {
            return null;
        }

        foreach (var property in IdentityProperties)
        {
            if (item[property] is JsonValue value && value.ToString() is { Length: > 0 } id)
            {
                return property + "=" + id;
            }
        }

        return item.Count == 1 && item.First().Value is JsonObject ? "#" + item.First().Key : null;
    }
}
