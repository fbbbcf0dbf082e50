using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Smarketing.IntegrationTests.Api;

/// <summary>One malformed request: what is wrong with it, and how it is sent.</summary>
internal sealed record Malformed(string What, string Query, byte[]? Body, string? ContentType, string? Route = null);

/// <summary>
/// Generates requests that are wrong however the app is built, from a valid example: each changes one thing the
/// example got right (the body's shape, a value's type or range, a required field, the media type, the query string).
/// Values are changed only where they are wrong for every field of that type, so none of them may be accepted.
/// </summary>
internal static class MalformedInput
{
    public const string Json = "application/json";

    private static readonly string OverLong = new('x', 100_000);

    /// <summary>Malformed bodies and media types for an endpoint that reads a JSON body shaped like <paramref name="example"/>.</summary>
    public static IEnumerable<Malformed> Bodies(string query, string example, bool optional)
    {
        var bytes = Encoding.UTF8.GetBytes(example);
        if (!optional)
        {
            yield return new("an empty body", query, [], Json);
            yield return new("null as the body", query, Utf8("null"), Json);
        }

        yield return new("the body in a list", query, Utf8($"[{example}]"), Json);
        yield return new("a number as the body", query, Utf8("12"), Json);
        yield return new("cut-off JSON", query, bytes[..^1], Json);
        yield return new("JSON nested 200 deep", query, Utf8(new string('[', 200) + new string(']', 200)), Json);
        yield return new("invalid UTF-8", query, [.. bytes[..2], 0xC3, 0x28, .. bytes[2..]], Json);
        yield return new("a body over 1 MB", query, Utf8($"[\"{new string('x', 1_100_000)}\"]"), Json);
        yield return new("a bogus charset", query, bytes, "application/json; charset=bogus");
        yield return new("UTF-16 announced", query, bytes, "application/json; charset=utf-16");
        yield return new("text/plain", query, bytes, "text/plain");
        yield return new("no content type", query, bytes, null);
    }

    /// <summary>Bodies sent to an endpoint that takes none.</summary>
    public static IEnumerable<Malformed> UnwantedBodies(string query)
    {
        yield return new("a JSON body with a field where none is read", query, Utf8("""{"owner":"me"}"""), Json);
        yield return new("a text body where none is read", query, Utf8("hello"), "text/plain");
    }

    /// <summary>Query strings that are wrong for every endpoint: an unknown parameter, a repeated, over-long or unreadable one.</summary>
    public static IEnumerable<Malformed> Queries(string query, IReadOnlyDictionary<string, Type> parameters, byte[]? body, string? contentType)
    {
        var separator = query.Length == 0 ? "?" : "&";
        yield return new("an unknown query parameter", $"{query}{separator}fuzz=1", body, contentType);
        foreach (var (name, type) in parameters)
        {
            var rest = Without(query, name);
            var join = rest.Length == 0 ? "?" : "&";
            yield return new($"'{name}' twice", $"{rest}{join}{name}=1&{name}=2", body, contentType);
            yield return new($"'{name}' over-long", $"{rest}{join}{name}={new string('7', 300)}", body, contentType);
            if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(int))
            {
                yield return new($"'{name}' not a number", $"{rest}{join}{name}=abc", body, contentType);
                yield return new($"'{name}' beyond int", $"{rest}{join}{name}=99999999999", body, contentType);
                yield return new($"'{name}' a fraction", $"{rest}{join}{name}=1.5", body, contentType);
            }
        }
    }

    /// <summary>Every value-level change of <paramref name="example"/> (read as <paramref name="type"/>) that no field of its type accepts.</summary>
    public static List<(string What, string Json)> Values(string example, Type type, JsonSerializerOptions options)
    {
        var found = new List<(string, string)>();
        var root = JsonNode.Parse(example)!;
        Walk(root, root, type, [], options, found);
        return found;
    }

    private static void Walk(JsonNode root, JsonNode? node, Type type, List<object> path, JsonSerializerOptions options, List<(string, string)> found)
    {
        var info = options.GetTypeInfo(type);
        if (info.Kind == JsonTypeInfoKind.Object && node is JsonObject obj)
        {
            found.Add(($"{Describe(path)}: an unknown field", Change(root, path, n => n.AsObject()["fuzzUnknown"] = 1)));
            foreach (var property in info.Properties)
            {
                var name = obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                if (name is null)
                {
                    continue;
                }

                List<object> at = [.. path, name];
                if (property.IsRequired)
                {
                    found.Add(($"{Describe(at)} left out", Change(root, path, n => n.AsObject().Remove(name))));
                }

                foreach (var (what, value) in BadValues(property.PropertyType, NullAllowed(property), options))
                {
                    found.Add(($"{Describe(at)} {what}", Change(root, path, n => n.AsObject()[name] = value?.DeepClone())));
                }

                Walk(root, obj[name], property.PropertyType, at, options, found);
            }
        }
        else if (info.Kind == JsonTypeInfoKind.Enumerable && node is JsonArray { Count: > 0 } array && info.ElementType is { } itemType)
        {
            List<object> at = [.. path, 0];
            foreach (var (what, value) in BadValues(itemType, Nullable.GetUnderlyingType(itemType) is not null, options))
            {
                found.Add(($"{Describe(at)} {what}", Change(root, path, n => n.AsArray()[0] = value?.DeepClone())));
            }

            Walk(root, array[0], itemType, at, options, found);
        }
    }

    private static IEnumerable<(string What, JsonNode? Value)> BadValues(Type type, bool nullAllowed, JsonSerializerOptions options)
    {
        if (!nullAllowed)
        {
            yield return ("null", null);
        }

        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            yield return ("a number", 12345);
            yield return ("100,000 characters long", OverLong);
        }
        else if (t == typeof(int))
        {
            yield return ("a number in a string", "12");
            yield return ("a fraction", 1.5);
            yield return ("int.MaxValue", int.MaxValue);
            yield return ("int.MinValue", int.MinValue);
            yield return ("1e40", JsonNode.Parse("1e40"));
        }
        else if (t == typeof(decimal))
        {
            yield return ("a number in a string", "12");
            yield return ("1e30", JsonNode.Parse("1e30"));
            yield return ("negative", -1);
        }
        else if (t == typeof(bool))
        {
            yield return ("\"yes\"", "yes");
            yield return ("1", 1);
        }
        else if (t == typeof(DayOfWeek))
        {
            yield return ("\"Funday\"", "Funday");
            yield return ("a number", 1);
        }
        else if (t.IsEnum)
        {
            yield return ("an unknown name", "bogus");
            yield return ("99", 99);
            yield return ("-1", -1);
            yield return ("\"99\"", "99");
        }
        else if (t == typeof(DateOnly))
        {
            yield return ("not a date", "next week");
            yield return ("month 13", "2026-13-45");
        }
        else if (t == typeof(TimeOnly))
        {
            yield return ("not a time", "25:99");
            yield return ("a number", 900);
        }
        else if (t == typeof(DateTimeOffset))
        {
            yield return ("not an instant", "yesterday");
        }
        else if (t == typeof(Guid))
        {
            yield return ("not an id", "not-a-guid");
        }
        else if (options.GetTypeInfo(t).Kind == JsonTypeInfoKind.Enumerable)
        {
            yield return ("an object instead of a list", new JsonObject());
            yield return ("a text instead of a list", "x");
        }
        else if (options.GetTypeInfo(t).Kind == JsonTypeInfoKind.Object)
        {
            yield return ("a list instead of an object", new JsonArray());
            yield return ("a text instead of an object", "x");
        }
    }

    private static bool NullAllowed(JsonPropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && property.AttributeProvider is PropertyInfo info
            && new NullabilityInfoContext().Create(info).ReadState == NullabilityState.Nullable);

    private static string Change(JsonNode root, List<object> path, Action<JsonNode> change)
    {
        var copy = root.DeepClone();
        var node = copy;
        foreach (var step in path)
        {
            node = step is int index ? node![index] : node![(string)step];
        }

        change(node!);
        return copy.ToJsonString();
    }

    private static string Describe(List<object> path) =>
        path.Count == 0 ? "the body" : string.Concat(path.Select(p => p is int i ? $"[{i}]" : $".{p}")).TrimStart('.');

    private static string Without(string query, string name)
    {
        var kept = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !pair.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase));
        var joined = string.Join('&', kept);
        return joined.Length == 0 ? "" : "?" + joined;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
