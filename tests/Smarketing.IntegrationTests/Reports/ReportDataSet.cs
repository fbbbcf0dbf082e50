using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.Application.Reports;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// A hand-made history whose report numbers were worked out by hand (see <see cref="HandMadeHistoryScorecardTests"/> and
/// <see cref="HandMadeHistoryResponseTimeTests"/>). Every lead is an A-lead under the demo agreement, in New York's calendar
/// (Mon-Fri 09:00-17:00, Thanksgiving 26-27 Nov a holiday). Version 2 (A-leads: first contact within 2 business hours,
/// 450 MQLs a month) takes effect on Mon 16 Nov; before it, version 1 (4 business hours, 400 MQLs) judges.
/// The period read is Mon 26 Oct - Fri 27 Nov 2026; "now" is Mon 30 Nov 10:00 EST.
///
/// | lead | handed off (NY)         | judged | owner | first contact        | business min | verdict  |
/// |------|-------------------------|--------|-------|----------------------|--------------|----------|
/// | L1   | Mon 26 Oct 10:00 EDT    | v1     | rep1  | 10:30, then accepted | 30           | within   |
/// | L2   | Fri 30 Oct 15:00 EDT    | v1     | rep1  | Mon 2 Nov 10:30 EST  | 120 + 90=210 | within (due Mon 11:00, across the DST change) |
/// | L3   | Tue 3 Nov 09:00 EST     | v1     | none  | 16:00, then rejected | 420          | breached (due 13:00) |
/// | L4   | Wed 25 Nov 16:00 EST    | v2     | rep1  | Mon 30 Nov 09:30     | 60 + 30 = 90 | within (due Mon 10:00, Thanksgiving skipped) |
/// | L5   | Tue 17 Nov 10:00 EST    | v2     | rep3  | none                 | -            | breached (due 12:00, now past) |
/// | L6   | Fri 27 Nov 12:00 EST    | v2     | none  | none                 | -            | open (clock starts Mon 09:00, due 11:00) |
/// | L7   | Mon 30 Nov 09:10 EST    | v2     | none  | none                 | -            | outside the period |
/// | L0   | Fri 23 Oct 10:00 EDT    | v1     | rep2  | 10:05                | 5            | outside the period |
///
/// L3 was rep3's until rep3 rejected it ("No budget"); a rejected lead goes back to marketing with no owner.
/// rep2 owns no lead in the period.
/// </summary>
public sealed class ReportDataSet : SlaAppFactory, IAsyncLifetime
{
    public static readonly ReportRange Period = new(new(2026, 10, 26), new(2026, 11, 27));

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public Dictionary<string, Guid> Leads { get; } = [];

    public static DateTimeOffset Ny(int month, int day, int hour, int minute = 0)
    {
        var wall = new DateTime(2026, month, day, hour, minute, 0);
        return new DateTimeOffset(wall, NewYork.GetUtcOffset(wall));
    }

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await AdoptVersion2Async(new DateOnly(2026, 11, 16));

        await AtAsync(Ny(10, 23, 10), () => HandOffAsync("L0", Demo.Rep2));
        await AtAsync(Ny(10, 23, 10, 5), () => ContactAsync("L0", Demo.Rep2));

        await AtAsync(Ny(10, 26, 10), () => HandOffAsync("L1", Demo.Rep1));
        await AtAsync(Ny(10, 26, 10, 30), () => ContactAsync("L1", Demo.Rep1));
        await AtAsync(Ny(10, 26, 11), () => AsRepAsync(Demo.Rep1, s => s.AcceptAsync(Leads["L1"])));

        await AtAsync(Ny(10, 30, 15), () => HandOffAsync("L2", Demo.Rep1));
        await AtAsync(Ny(11, 2, 10, 30), () => ContactAsync("L2", Demo.Rep1));

        await AtAsync(Ny(11, 3, 9), () => HandOffAsync("L3", Rep3));
        await AtAsync(Ny(11, 3, 16), () => ContactAsync("L3", Rep3));
        await AtAsync(Ny(11, 3, 16, 30), () => AsRepAsync(Rep3, s => s.RejectAsync(Leads["L3"], new ReasonRequest { Reason = "No budget" })));

        await AtAsync(Ny(11, 17, 10), () => HandOffAsync("L5", Rep3));
        await AtAsync(Ny(11, 25, 16), () => HandOffAsync("L4", Demo.Rep1));
        await AtAsync(Ny(11, 27, 12), () => HandOffAsync("L6", null));
        await AtAsync(Ny(11, 30, 9, 10), () => HandOffAsync("L7", null));
        await AtAsync(Ny(11, 30, 9, 30), () => ContactAsync("L4", Demo.Rep1));
        MoveTo(Ny(11, 30, 10));
    }

    public const string Rep3 = "rep3@demo.test";

    public async Task<T> AsLeadershipAsync<T>(Func<ReportService, Task<T>> read)
    {
        await using var scope = await SignedInAsAsync(Demo.Leadership);
        return await read(scope.ServiceProvider.GetRequiredService<ReportService>());
    }

    private async Task AtAsync(DateTimeOffset instant, Func<Task> act)
    {
        MoveTo(instant);
        await act();
    }

    private async Task HandOffAsync(string name, string? rep)
    {
        Leads[name] = await HandOffFreshLeadAsync(name);
        if (rep is not null)
        {
            await ClaimAsync(Leads[name], rep);
        }
    }

    private Task ContactAsync(string name, string rep) => LogContactAsync(Leads[name], rep);

    private async Task AsRepAsync(string rep, Func<LeadService, Task<Smarketing.Domain.Common.Result<LeadDetails>>> act)
    {
        await using var scope = await SignedInAsAsync(rep);
        var result = await act(scope.ServiceProvider.GetRequiredService<LeadService>());
        result.Succeeded.ShouldBeTrue(result.Message);
    }
}
