using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Smarketing.Domain.Common;

namespace Smarketing.Application.Common;

/// <summary>
/// Reads JSON a program sent into a request type, strictly: every problem becomes a message on the field it concerns
/// ("rules[0].decision.unit"), in words, without the serializer's type names. Missing required fields are all named
/// at once; after that the first value of the wrong kind is.
/// </summary>
public static class JsonInput
{
    /// <summary>How deep a body may nest; the deepest request (an agreement section) needs six levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>The key of a problem with the body as a whole, when the body has no name of its own.</summary>
    public const string Body = "body";

    /// <summary>Makes <paramref name="options"/> read strictly: numbers as numbers, enums by name, no unknown or repeated fields.</summary>
    public static JsonSerializerOptions Strict(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = MaxDepth;
        return options;
    }

    /// <summary>Parses UTF-8 bytes; the document when they are well-formed JSON, else the problem in words.</summary>
    public static Result<JsonDocument> Parse(ReadOnlyMemory<byte> utf8, string root = Body)
    {
        if (!Utf8.IsValid(utf8.Span))
        {
            return Fail<JsonDocument>(root, "The body is not valid UTF-8; send JSON encoded as UTF-8.");
        }

        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            return Fail<JsonDocument>(root, $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }
    }

    /// <summary>
    /// Reads <paramref name="json"/> as <paramref name="type"/>. Problems are keyed by their path below
    /// <paramref name="root"/> ("" keys them by the field alone, as request bodies do).
    /// </summary>
    public static Result<object?> Read(JsonElement json, Type type, JsonSerializerOptions options, string root = "")
    {
        options.MakeReadOnly(populateMissingResolver: true);
        var missing = new Dictionary<string, string[]>();
        FindMissing(json, options.GetTypeInfo(type), root, options, missing);
        if (missing.Count > 0)
        {
            return Result<object?>.Fail(Result.Invalid(missing));
        }

        try
        {
            return Result<object?>.Ok(json.Deserialize(type, options));
        }
        catch (JsonException e)
        {
            var path = Relative(e.Path);
            return Fail<object?>(Key(root, path), Describe(json, type, path, options, e));
        }
    }

    private static void FindMissing(JsonElement json, JsonTypeInfo info, string path, JsonSerializerOptions options, Dictionary<string, string[]> missing)
    {
        if (info.Kind == JsonTypeInfoKind.Object && json.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in info.Properties)
            {
                var key = Key(path, "." + property.Name);
                if (TryGet(json, property.Name, out var value))
                {
                    FindMissing(value, options.GetTypeInfo(property.PropertyType), key, options, missing);
                }
                else if (property.IsRequired)
                {
                    missing[key] = [$"'{property.Name}' is required; send {Expected(property.PropertyType, options)}."];
                }
            }
        }
        else if (info.Kind == JsonTypeInfoKind.Enumerable && json.ValueKind == JsonValueKind.Array && info.ElementType is { } itemType)
        {
            var index = 0;
            foreach (var item in json.EnumerateArray())
            {
                FindMissing(item, options.GetTypeInfo(itemType), $"{path}[{index++}]", options, missing);
            }
        }
    }

    // Walks the path the serializer stopped at, through the type and the JSON side by side, to say what was expected there.
    private static string Describe(JsonElement json, Type type, string path, JsonSerializerOptions options, JsonException error)
    {
        var name = path.Length == 0 ? "The body" : $"'{path}'";
        var value = json;
        var current = type;
        foreach (var step in Steps(path))
        {
            var info = options.GetTypeInfo(current);
            if (step.Property is { } property)
            {
                var match = info.Kind == JsonTypeInfoKind.Object
                    ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase))
                    : null;
                if (match is null)
                {
                    return $"{name} is not a field here. The fields are: {string.Join(", ", info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).Select(p => p.Name))}.";
                }

                current = match.PropertyType;
                value = value.ValueKind == JsonValueKind.Object && TryGet(value, property, out var child) ? child : default;
            }
            else
            {
                current = info.ElementType ?? current;
                value = value.ValueKind == JsonValueKind.Array && step.Index < value.GetArrayLength() ? value[step.Index] : default;
            }
        }

        return error.Message.StartsWith("Duplicate property", StringComparison.Ordinal)
            ? $"{name} is given twice; send each field once."
            : $"{name} must be {Expected(current, options)}, not {Shown(value)}.";
    }

    /// <summary>What a value of <paramref name="type"/> looks like, in words.</summary>
    public static string Expected(Type type, JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return "a text";
        }

        if (t == typeof(bool))
        {
            return "true or false";
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(short))
        {
            return "a whole number";
        }

        if (t == typeof(decimal) || t == typeof(double) || t == typeof(float))
        {
            return "a number";
        }

        if (t == typeof(DayOfWeek))
        {
            return "a weekday (Monday ... Sunday)";
        }

        if (t.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(t).Select(JsonNamingPolicy.CamelCase.ConvertName))}";
        }

        if (t == typeof(DateOnly))
        {
            return "a date like 2026-11-01";
        }

        if (t == typeof(TimeOnly))
        {
            return "a time of day like 09:00";
        }

        if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
        {
            return "a date and time with its offset, like 2026-11-02T09:30:00-05:00";
        }

        if (t == typeof(Guid))
        {
            return "an id like 3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        }

        return options.GetTypeInfo(t).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "a list",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            _ => "a value",
        };
    }

    private static string Shown(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => Cut(value.GetRawText()),
        JsonValueKind.String => $"'{Cut(value.GetString() ?? "")}'",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "what was sent",
    };

    private static string Cut(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");

    private static bool TryGet(JsonElement json, string name, out JsonElement value)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    // "$.rules[0].unit" -> "rules[0].unit"; "$[2].title" -> "[2].title"; "$" -> "".
    private static string Relative(string? path)
    {
        var rest = (path ?? "$").TrimStart('$');
        return rest.StartsWith('.') ? rest[1..] : rest;
    }

    private static string Key(string root, string path)
    {
        var relative = path.StartsWith('.') ? path[1..] : path;
        if (root.Length == 0)
        {
            return relative.Length == 0 ? Body : relative;
        }

        return relative.Length == 0 ? root : relative.StartsWith('[') ? root + relative : $"{root}.{relative}";
    }

    private readonly record struct Step(string? Property, int Index);

    private static IEnumerable<Step> Steps(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i, StringComparison.Ordinal);
                var close = end < 0 ? path.Length : end;
                yield return new Step(path[(i + 2)..close], 0);
                i = close + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                var close = end < 0 ? path.Length : end;
                yield return new Step(null, int.TryParse(path.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0);
                i = close + 1;
            }
            else
            {
                var end = path.IndexOfAny(['.', '['], i);
                var close = end < 0 ? path.Length : end;
                yield return new Step(path[i..close], 0);
                i = close;
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    private static Result<T> Fail<T>(string field, string message) => Result<T>.Fail(Result.Invalid(field, message));
}
