using System.Globalization;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;

namespace Smarketing.Web.Components.Pages.Agreements;

/// <summary>Words and formats the agreement pages share.</summary>
internal static class AgreementText
{
    public static string Status(VersionStatus status) => status switch
    {
        VersionStatus.Draft => "Draft",
        VersionStatus.Scheduled => "Signed, not yet in force",
        VersionStatus.InForce => "In force",
        VersionStatus.Superseded => "Superseded",
        _ => status.ToString(),
    };

    public static MudBlazor.Color StatusColor(VersionStatus status) => status switch
    {
        VersionStatus.InForce => MudBlazor.Color.Success,
        VersionStatus.Scheduled => MudBlazor.Color.Info,
        VersionStatus.Draft => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "not set";

    public static string Owner(Department department) => department == Department.Marketing ? "Marketing" : "Sales";

    public static string Assignment(AssignmentMode mode) => mode == AssignmentMode.OpenPool
        ? "Open pool: handed-off leads wait in a shared queue and reps claim them."
        : "Round robin: each handed-off lead goes to the next eligible rep.";

    public static string SizeRange(Persona p) => (p.CompanySizeMin, p.CompanySizeMax) switch
    {
        (null, null) => "any size",
        ({ } min, null) => $"{min}+ employees",
        (null, { } max) => $"up to {max} employees",
        ({ } min, { } max) => $"{min}-{max} employees",
    };

    public static string Hours(BusinessCalendar calendar, DayOfWeek day)
    {
        var ranges = calendar.WorkingHours.Where(w => w.Day == day).OrderBy(w => w.Start).ToList();
        return ranges.Count == 0 ? "Closed" : string.Join(", ", ranges.Select(r => $"{r.Start:HH\\:mm}-{r.End:HH\\:mm}"));
    }

    /// <summary>The holidays in date order ("Thu 26 Nov 2026, Fri 25 Dec 2026"), or "None.".</summary>
    public static string Holidays(BusinessCalendar calendar) => calendar.Holidays.Count == 0
        ? "None."
        : string.Join(", ", calendar.Holidays.Order().Select(Day));

    public static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static IEnumerable<DayOfWeek> Week => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static IReadOnlyList<Option<T>> Options<T>(Func<T, string>? text = null) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new Option<T>(v, text?.Invoke(v) ?? Humanize(v.ToString()))).ToList();

    public static string Humanize(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}

internal sealed record Option<T>(T Value, string Text);
