using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Smarketing.Domain.Clocks;
using Smarketing.IntegrationTests.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Imports;

/// <summary>
/// The reports over a backfilled quarter (<see cref="HandMadeHistory"/>) are exact to the minute: equal to the numbers
/// worked out by hand, and to the reports over the same leads worked live through the API.
/// </summary>
public sealed class HistoryBackfillReportTests(BackfilledHistory backfilled, LiveHistory live) : IClassFixture<BackfilledHistory>, IClassFixture<LiveHistory>
{
    private const string Period = "from=2026-10-26&to=2026-11-27";

    private static async Task<JsonElement> ReadAsync(SlaAppFactory app, string path) =>
        await (await app.ApiClient("demo-leadership").GetAsync(path, Pipeline.Ct)).JsonAsync();

    private static Task<JsonElement> ResponseTimesAsync(SlaAppFactory app, string groupBy) =>
        ReadAsync(app, $"/api/v1/reports/response-times?{Period}&groupBy={groupBy}");

    private static string Row(JsonElement row) => string.Join(" ", new[]
    {
        "group", "handedOff", "contacted", "contactedWithinSla", "breached", "open", "compliancePct",
        "p50BusinessMinutesToFirstContact", "p90BusinessMinutesToFirstContact",
    }.Select(name => row.GetProperty(name).ToString() is { Length: > 0 } value ? value : "null"));

    private static IEnumerable<string> Rows(JsonElement rows) => rows.EnumerateArray().Select(Row);

    [Fact]
    public async Task Response_times_by_rep_over_the_backfilled_quarter_are_the_hand_worked_numbers()
    {
        var rows = await ResponseTimesAsync(backfilled, "rep");

        // group | handed off | contacted | within | breached | open | compliance | p50 | p90
        Rows(rows).ShouldBe(
        [
            // H1 (210), H6 (20), H3 (225), all within. Sorted 20, 210, 225: p50 = ceil(0.5 x 3) = 2nd = 210, p90 = ceil(2.7) = 3rd = 225.
            $"{Demo.Rep1} 3 3 3 0 0 100 210 225",
            // H9 (30, within): the hand-off at 01:30 on the night clocks fell back counts from Monday 09:00.
            $"{Demo.Rep2} 1 1 1 0 0 100 30 30",
            // H4: never contacted, due Wed 18 Nov 10:00, now 30 Nov: breached; compliance 0 / (0 + 1).
            $"{Demo.Rep3} 1 0 0 1 0 0 null null",
            // H2 (rejected, so no owner: 510 minutes, late) and H5 (in the pool, open).
            "(unclaimed) 2 1 0 1 1 0 510 510",
        ]);
    }

    [Fact]
    public async Task Response_times_by_week_over_the_backfilled_quarter_are_the_hand_worked_numbers()
    {
        var rows = await ResponseTimesAsync(backfilled, "week");

        Rows(rows).ShouldBe(
        [
            // W44 (26 Oct - 1 Nov, the week clocks fell back): H2 (510, late), H1 (210), H9 (30, handed off on Sunday 1 Nov
            // local time). 2 / (2 + 1) = 66.7 %; sorted 30, 210, 510: p50 = 2nd = 210, p90 = ceil(2.7) = 3rd = 510.
            "2026-W44 3 3 2 1 0 66.7 210 510",
            "2026-W45 1 1 1 0 0 100 20 20",   // H6: 09:00 to 09:20:30 is 20.5 minutes, floored to 20
            "2026-W46 0 0 0 0 0 null null null",
            "2026-W47 1 0 0 1 0 0 null null", // H4, judged by version 2 from Mon 16 Nov
            // W48, clipped to 23-27 Nov: H3 (Wed 180 + Thanksgiving Thu and Fri skipped + Mon 45 = 225, within) and H5
            // (handed off on the holiday: the clock starts Mon 30 Nov 09:00, due 17:00, now 10:00: open).
            "2026-W48 2 1 1 0 1 100 225 225",
        ]);
    }

    [Fact]
    public async Task Every_report_over_the_backfilled_history_equals_the_report_over_the_same_leads_worked_live()
    {
        foreach (var path in new[]
        {
            $"/api/v1/reports/response-times?{Period}&groupBy=rep",
            $"/api/v1/reports/response-times?{Period}&groupBy=team",
            $"/api/v1/reports/response-times?{Period}&groupBy=week",
            $"/api/v1/reports/scorecard?{Period}",
            "/api/v1/reports/scorecard?from=2026-10-01&to=2026-12-31",
        })
        {
            (await ReadAsync(backfilled, path)).GetRawText().ShouldBe((await ReadAsync(live, path)).GetRawText(), path);
        }
    }

    [Fact]
    public async Task The_scorecard_over_the_backfilled_quarter_counts_both_sides_as_worked_out_by_hand()
    {
        var clauses = (await ReadAsync(backfilled, $"/api/v1/reports/scorecard?{Period}")).GetProperty("clauses").EnumerateArray()
            .ToDictionary(c => $"{c.GetProperty("title").GetString()} v{c.GetProperty("slaVersions")[0].GetInt32()}",
                c => $"{c.GetProperty("actual")} of {c.GetProperty("sampleSize")}");

        // Version 1 judges H1, H2, H9 and H6: first contacts H1, H9, H6 within, H2 late: 3 / 4.
        clauses["First contact on time v1"].ShouldBe("75 of 4");
        // Version 2 judges H4, H3 and H5: H3 within, H4 breached (never contacted, past due), H5 open and not counted: 1 / 2.
        clauses["First contact on time v2"].ShouldBe("50 of 2");
        // Marketing's side: of version 1's leads sales decided on, H1 and H6 were accepted, H2 rejected: 2 / 3.
        clauses["Lead quality v1"].ShouldBe("66.7 of 3");
    }

    [Fact]
    public async Task Each_hand_off_is_judged_by_the_agreement_version_in_force_at_it()
    {
        await using var db = backfilled.OpenDatabase();
        var versions = await (
            from t in db.SlaTimers.AsNoTracking()
            join l in db.Leads.AsNoTracking() on t.LeadId equals l.Id
            where l.ExternalId!.StartsWith(backfilled.Run + "-") && t.Kind == TimerKind.FirstContact
            select new { l.LastName, t.SlaVersion }).ToListAsync(Pipeline.Ct);

        versions.OrderBy(v => v.LastName).Select(v => $"{v.LastName} v{v.SlaVersion}")
            .ShouldBe(["H1 v1", "H2 v1", "H3 v2", "H4 v2", "H5 v2", "H6 v1", "H9 v1"]);
    }

    [Fact]
    public async Task A_backfilled_lead_shows_its_history_as_imported_with_marketing_steps_by_the_admin_and_sales_steps_by_the_owner()
    {
        var list = await ReadAsync(backfilled, $"/api/v1/leads?externalId={backfilled.Run}-H1");
        var id = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        var lead = await ReadAsync(backfilled, $"/api/v1/leads/{id}");

        lead.GetProperty("stage").GetString().ShouldBe("won");
        lead.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(HandMadeHistory.At("2026-10-26T09:00:00-04:00"));
        lead.GetProperty("events").EnumerateArray()
            .Select(e => $"{e.GetProperty("type").GetString()} {e.GetProperty("actor").GetString()} {e.GetProperty("at").GetDateTimeOffset().UtcDateTime:MM-dd HH:mm}")
            .ShouldBe(
            [
                $"created {Demo.Admin} 10-26 13:00",
                $"updated {Demo.Admin} 10-26 13:05",
                $"handedOff {Demo.Admin} 10-30 19:00",
                $"claimed {Demo.Rep1} 10-30 19:00",
                $"contactAttempt {Demo.Rep1} 11-02 15:30",
                $"accepted {Demo.Rep1} 11-02 16:00",
                $"converted {Demo.Rep1} 11-20 15:00",
                $"won {Demo.Rep1} 11-20 15:00",
            ]);
        lead.GetProperty("events")[0].GetProperty("note").GetString()!.ShouldContain("Imported history");
        lead.GetProperty("amount").GetDecimal().ShouldBe(12000m);
    }

    [Fact]
    public async Task A_timer_never_stopped_and_past_due_is_breached_as_the_monitor_leaves_it_and_nobody_is_told_again_about_the_past()
    {
        var list = await ReadAsync(backfilled, $"/api/v1/leads?externalId={backfilled.Run}-H4");
        var id = list.GetProperty("items")[0].GetProperty("id").GetGuid();

        var timer = await backfilled.TimerAsync(id, TimerKind.FirstContact);
        timer.Status.ShouldBe(TimerStatus.Breached);
        timer.StoppedAt.ShouldBeNull();
        timer.DueAt.ShouldBe(HandMadeHistory.At("2026-11-18T10:00:00-05:00"));
        timer.BreachNotifiedAt.ShouldBe(HandMadeHistory.Now);

        await backfilled.ProcessAsync();
        (await backfilled.NotificationsAboutAsync(id)).ShouldBeEmpty();
    }
}
