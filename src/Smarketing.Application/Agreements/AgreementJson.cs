using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Smarketing.Application.Common;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;

namespace Smarketing.Application.Agreements;

/// <summary>How sections are stored and copied: camelCase JSON with enums as names.</summary>
public static class AgreementJson
{
    /// <summary>
    /// The one JSON shape of the agreement, stored and served alike: camelCase, enums as camelCase names except
    /// weekdays ("Monday"), times as "09:00", dates as "2026-12-25" (product.md, "The JSON API").
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        // A section stored before a field became required still loads.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NothingRequired } },
    });

    /// <summary>
    /// The same shape, read strictly, for what programs send (sections, request bodies): enums only by name, numbers
    /// only as numbers, no unknown or repeated fields (<see cref="JsonInput.Strict"/>). What is stored is read with
    /// <see cref="Options"/>, so a value stored before these rules still loads and is refused at its next save.
    /// </summary>
    public static JsonSerializerOptions InputOptions { get; } = ConfigureInput(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options) => Configure(options, allowIntegerEnums: true);

    /// <summary>Configures <paramref name="options"/> as <see cref="InputOptions"/> (the API's JSON options).</summary>
    public static JsonSerializerOptions ConfigureInput(JsonSerializerOptions options) =>
        JsonInput.Strict(Configure(options, allowIntegerEnums: false));

    private static JsonSerializerOptions Configure(JsonSerializerOptions options, bool allowIntegerEnums)
    {
        options.Converters.Insert(0, new DayOfWeekConverter());
        options.Converters.Insert(1, new HourMinuteConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerEnums));
        return options;
    }

    private static void NothingRequired(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            property.IsRequired = false;
        }
    }

    private sealed class DayOfWeekConverter : JsonConverter<DayOfWeek>
    {
        public override DayOfWeek Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && Enum.TryParse<DayOfWeek>(reader.GetString(), ignoreCase: true, out var day) && !int.TryParse(reader.GetString(), out _) && Enum.IsDefined(day)
                ? day
                : throw new JsonException("Not a weekday (Monday ... Sunday).");

        public override void Write(Utf8JsonWriter writer, DayOfWeek value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    private sealed class HourMinuteConverter : JsonConverter<TimeOnly>
    {
        private static readonly string[] Formats = ["HH:mm", "HH:mm:ss", "H:mm"];

        public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && TimeOnly.TryParseExact(reader.GetString(), Formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
                ? time
                : throw new JsonException("Not a time of day like 09:00.");

        public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string Serialize(AgreementContent content, AgreementSection section) =>
        JsonSerializer.Serialize(Part(content, section), PartType(section), Options);

    public static void Apply(AgreementContent content, AgreementSection section, string json) =>
        Apply(content, section, JsonSerializer.Deserialize(json, PartType(section), Options));

    /// <summary>Reads a section sent by a program into <paramref name="content"/>; Invalid, naming each field, when it doesn't have the section's shape.</summary>
    public static Result TryApply(AgreementContent content, AgreementSection section, JsonElement json)
    {
        var root = JsonNamingPolicy.CamelCase.ConvertName(section.ToString());
        if (json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return Result.Invalid(root, $"The body is null; send the {AgreementSections.Title(section).ToLowerInvariant()} section as JSON.");
        }

        var read = JsonInput.Read(json, PartType(section), InputOptions, root);
        if (!read.Succeeded)
        {
            return read;
        }

        Apply(content, section, read.Value);
        return Result.Success();
    }

    private static void Apply(AgreementContent content, AgreementSection section, object? parsed)
    {
        var value = parsed
                    ?? throw new InvalidOperationException($"Section {section} is stored as null.");
        switch (section)
        {
            case AgreementSection.MarketingClauses: content.MarketingClauses = (List<Clause>)value; break;
            case AgreementSection.SalesClauses: content.SalesClauses = (List<Clause>)value; break;
            case AgreementSection.Personas: content.Personas = (List<Persona>)value; break;
            case AgreementSection.LeadDefinition: content.LeadDefinition = (LeadDefinition)value; break;
            case AgreementSection.ResponseRules: content.ResponseRules = (ResponseRules)value; break;
            case AgreementSection.Calendar: content.Calendar = (Domain.BusinessTime.BusinessCalendar)value; break;
            case AgreementSection.Reasons: content.Reasons = (ReasonLists)value; break;
            default: throw new ArgumentOutOfRangeException(nameof(section), section, null);
        }
    }

    /// <summary>A deep copy, so an editor's working copy never aliases what was loaded.</summary>
    public static AgreementContent Clone(AgreementContent content) =>
        JsonSerializer.Deserialize<AgreementContent>(JsonSerializer.Serialize(content, Options), Options)!;

    public static AgreementContent Assemble(IEnumerable<(AgreementSection Section, string Json)> sections)
    {
        var content = new AgreementContent();
        foreach (var (section, json) in sections)
        {
            Apply(content, section, json);
        }

        return content;
    }

    private static object Part(AgreementContent content, AgreementSection section) => section switch
    {
        AgreementSection.MarketingClauses => content.MarketingClauses,
        AgreementSection.SalesClauses => content.SalesClauses,
        AgreementSection.Personas => content.Personas,
        AgreementSection.LeadDefinition => content.LeadDefinition,
        AgreementSection.ResponseRules => content.ResponseRules,
        AgreementSection.Calendar => content.Calendar,
        AgreementSection.Reasons => content.Reasons,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    private static Type PartType(AgreementSection section) => section switch
    {
        AgreementSection.MarketingClauses or AgreementSection.SalesClauses => typeof(List<Clause>),
        AgreementSection.Personas => typeof(List<Persona>),
        AgreementSection.LeadDefinition => typeof(LeadDefinition),
        AgreementSection.ResponseRules => typeof(ResponseRules),
        AgreementSection.Calendar => typeof(Domain.BusinessTime.BusinessCalendar),
        AgreementSection.Reasons => typeof(ReasonLists),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    /// <summary>
    /// The nulls in <paramref name="section"/> of <paramref name="content"/> where the agreement needs a value (a list,
    /// a list item, a name), by the path validation messages use ("Personas[0].Name"); empty when there are none.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> NullsIn(AgreementContent content, AgreementSection section) =>
        Common.RequiredValues.Find(Part(content, section), PartType(section), PropertyPrefix(section));

    /// <summary>The content property a section's validation messages start with ("ResponseRules.Rules[0].Name").</summary>
    public static string PropertyPrefix(AgreementSection section) => section.ToString();
}
