using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Smarketing.Domain.Common;

namespace Smarketing.Web.Api;

/// <summary>
/// The query parameters an endpoint reads, taken from its handler's own parameters (what is not a route value, a
/// service, the body or a framework type), and the check of a request's query string against them: an unknown or
/// repeated parameter, a missing required one, a value that does not parse or is too long is a message on that
/// parameter. Ranges (page 1 and up, dates in order) stay with the endpoint.
/// </summary>
internal sealed class ApiQuery
{
    private static readonly ConcurrentDictionary<Endpoint, ApiQuery> Known = new();

    private readonly IReadOnlyList<Parameter> _parameters;

    private ApiQuery(IReadOnlyList<Parameter> parameters) => _parameters = parameters;

    private sealed record Parameter(string Name, Type Type, bool Required);

    public static ApiQuery For(Endpoint endpoint, IServiceProvider services) =>
        Known.GetOrAdd(endpoint, e => new ApiQuery(Find(e, services.GetRequiredService<IServiceProviderIsService>())));

    public Dictionary<string, string[]> Check(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, values) in query)
        {
            var parameter = _parameters.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
            if (parameter is null)
            {
                errors[key] = [_parameters.Count == 0
                    ? $"'{Cut(key)}' is not a parameter of this request; it takes none."
                    : $"'{Cut(key)}' is not a parameter of this request; it takes {string.Join(", ", _parameters.Select(p => p.Name))}."];
            }
            else if (values.Count > 1)
            {
                errors[parameter.Name] = [$"'{parameter.Name}' is given {values.Count} times; send it once."];
            }
            else if (Problem(parameter, values.ToString()) is { } problem)
            {
                errors[parameter.Name] = [problem];
            }
        }

        foreach (var missing in _parameters.Where(p => p.Required && string.IsNullOrEmpty(query[p.Name].ToString()) && !errors.ContainsKey(p.Name)))
        {
            errors[missing.Name] = [$"'{missing.Name}' is required; send {Expected(missing.Type)}."];
        }

        return errors;
    }

    private static string? Problem(Parameter parameter, string value)
    {
        if (value.Length > TextLimits.QueryValue)
        {
            return $"'{parameter.Name}' must be at most {TextLimits.QueryValue} characters.";
        }

        if (value.Length == 0 || Parses(parameter.Type, value))
        {
            return null;
        }

        var digits = value.TrimStart('-').All(char.IsAsciiDigit);
        return digits && IsWhole(parameter.Type)
            ? $"'{parameter.Name}' is out of range: {Cut(value)} does not fit a whole number."
            : $"'{parameter.Name}' must be {Expected(parameter.Type)}, not '{Cut(value)}'.";
    }

    private static bool Parses(Type type, string value)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var invariant = CultureInfo.InvariantCulture;
        return t == typeof(string)
            || (t == typeof(int) && int.TryParse(value, NumberStyles.AllowLeadingSign, invariant, out _))
            || (t == typeof(long) && long.TryParse(value, NumberStyles.AllowLeadingSign, invariant, out _))
            || (t == typeof(bool) && bool.TryParse(value, out _))
            || (t == typeof(Guid) && Guid.TryParse(value, out _))
            || (t == typeof(DateOnly) && DateOnly.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out _))
            || (t == typeof(DateTimeOffset) && DateTimeOffset.TryParse(value, invariant, DateTimeStyles.None, out _))
            || (t.IsEnum && !value.TrimStart('-').All(char.IsAsciiDigit) && Enum.TryParse(t, value, ignoreCase: true, out var parsed) && Enum.IsDefined(t, parsed!));
    }

    private static bool IsWhole(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long));

    private static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) ? "a whole number"
            : t == typeof(bool) ? "true or false"
            : t == typeof(Guid) ? "an id"
            : t == typeof(DateOnly) ? "a date like 2026-11-01"
            : t == typeof(DateTimeOffset) ? "a date and time with its offset"
            : t.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(t).Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName))}"
            : "a text";
    }

    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static List<Parameter> Find(Endpoint endpoint, IServiceProviderIsService services)
    {
        var method = endpoint.Metadata.GetMetadata<MethodInfo>()!;
        var route = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var nullability = new NullabilityInfoContext();
        var found = new List<Parameter>();
        foreach (var parameter in method.GetParameters())
        {
            var fromQuery = parameter.GetCustomAttribute<FromQueryAttribute>();
            var elsewhere = parameter.GetCustomAttributes().Any(a => a is FromRouteAttribute or FromBodyAttribute or FromServicesAttribute or FromHeaderAttribute or FromFormAttribute);
            if (elsewhere || parameter.Name is null || (fromQuery is null && (route.Contains(parameter.Name) || !IsSimple(parameter.ParameterType) || services.IsService(parameter.ParameterType))))
            {
                continue;
            }

            var nullable = Nullable.GetUnderlyingType(parameter.ParameterType) is not null
                           || (!parameter.ParameterType.IsValueType && nullability.Create(parameter).ReadState != NullabilityState.NotNull);
            found.Add(new Parameter(fromQuery?.Name ?? parameter.Name, parameter.ParameterType, !nullable && !parameter.HasDefaultValue));
        }

        return found;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
               || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(TimeOnly);
    }
}
