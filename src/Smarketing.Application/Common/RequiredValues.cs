using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Smarketing.Application.Common;

/// <summary>
/// Finds the nulls a program sent where the model has no room for one: a property whose type is not marked nullable,
/// or an item of a list whose items are not. System.Text.Json assigns such nulls without a word, and the first code
/// that reads them throws; this names each one by its path ("Personas[0].JobTitles[1]") so the caller gets a 400.
/// </summary>
public static class RequiredValues
{
    /// <summary>Every null in <paramref name="value"/> (of type <paramref name="type"/>) that the model does not allow, by path from <paramref name="path"/>.</summary>
    public static IReadOnlyDictionary<string, string[]> Find(object? value, Type type, string path)
    {
        var found = new Dictionary<string, string[]>();
        Visit(value, type, null, false, path, new NullabilityInfoContext(), found);
        return found;
    }

    private static void Visit(object? value, Type type, NullabilityInfo? nullability, bool required, string path, NullabilityInfoContext context, Dictionary<string, string[]> found)
    {
        if (value is null)
        {
            if (nullability?.ReadState != NullabilityState.Nullable && !(type.IsValueType && Nullable.GetUnderlyingType(type) is not null))
            {
                found[path] = [Message(path, type, required)];
            }

            return;
        }

        if (value is string || type.IsValueType)
        {
            return;
        }

        if (value is IList list && type.IsGenericType)
        {
            var itemType = type.GetGenericArguments()[0];
            var itemNullability = nullability?.GenericTypeArguments.FirstOrDefault();
            for (var i = 0; i < list.Count; i++)
            {
                Visit(list[i], itemType, itemNullability, false, $"{path}[{i}]", context, found);
            }

            return;
        }

        // Only the app's own model is walked; a framework type is a leaf.
        if (type.Namespace?.StartsWith("Smarketing.", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is null || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            Visit(property.GetValue(value), property.PropertyType, context.Create(property), property.GetCustomAttribute<JsonRequiredAttribute>() is not null,
                $"{path}.{property.Name}", context, found);
        }
    }

    private static string Message(string path, Type type, bool required)
    {
        var dot = path.LastIndexOf('.');
        var name = Camel(dot < 0 ? path : path[(dot + 1)..]);
        if (name.EndsWith(']'))
        {
            var bracket = name.LastIndexOf('[');
            return $"'{name[..bracket]}' has a null item at {name[bracket..]}; remove it or send a value.";
        }

        var instead = type == typeof(string) ? "a text (\"\" for none)"
            : typeof(IList).IsAssignableFrom(type) ? "a list ([] for none)"
            : "an object";
        return dot < 0
            ? $"The body is null; send the section as {instead}."
            : required ? $"'{name}' can't be null; send {instead}."
            : $"'{name}' can't be null; leave it out or send {instead}.";
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
