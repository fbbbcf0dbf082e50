using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Smarketing.IntegrationTests.Api;
using Smarketing.IntegrationTests.Leads;
using Smarketing.IntegrationTests.Support;
using Story = Smarketing.IntegrationTests.Imports.HandMadeHistory.Story;

namespace Smarketing.IntegrationTests.Imports;

/// <summary>
/// POST /api/v1/imports/history as an integrator meets it: all or nothing, every bad row by its line with its reason,
/// a replay refused, and the answers of the contract for the wrong role, no key, another media type and too much.
/// </summary>
public sealed class HistoryImportApiTests(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private HttpClient Admin => app.ApiClient("demo-admin");

    private static string Run() => Guid.NewGuid().ToString("N")[..10];

    private async Task<(HttpStatusCode Status, JsonElement Body, bool Unchanged)> PostAsync(string csv, HttpClient? client = null, string mediaType = "text/csv")
    {
        _ = app.Services; // starts the app, which creates its database
        app.MoveTo(HandMadeHistory.Now > app.Now ? HandMadeHistory.Now : app.Now);
        var before = await DatabaseFingerprint.TakeAsync(app.DatabasePath, Pipeline.Ct);
        using var response = await HandMadeHistory.PostAsync(client ?? Admin, csv, mediaType);
        var text = await response.Content.ReadAsStringAsync(Pipeline.Ct);
        var unchanged = !DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(app.DatabasePath, Pipeline.Ct)).Any();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), unchanged);
    }

    private static Dictionary<string, string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => string.Join(" | ", e.Value.EnumerateArray().Select(m => m.GetString())));

    private static readonly Story Good = new("OK", "2026-11-02T08:00:00-05:00", HandedOff: "2026-11-02T09:00:00-05:00", Owner: Demo.Rep1,
        FirstContact: "2026-11-02T09:30:00-05:00", Accepted: "2026-11-02T10:00:00-05:00");

    [Fact]
    public async Task Every_kind_of_bad_row_is_reported_by_its_line_with_its_reason_and_nothing_is_written()
    {
        var run = Run();
        var rows = new (string Expected, string Row)[]
        {
            ("first_contact_at (2026-11-02T08:30:00-05:00) is before handed_off_at (2026-11-02T09:00:00-05:00)", (Good with { Name = "B1", FirstContact = "2026-11-02T08:30:00-05:00" }).Row(run)),
            ("accepted_at and rejected_at are both set", (Good with { Name = "B2", Rejected = "2026-11-02T10:00:00-05:00", Reason = "No budget" }).Row(run)),
            ("won_at and lost_at are both set", (Good with { Name = "B3", Won = "2026-11-05T10:00:00-05:00", Lost = "2026-11-05T10:00:00-05:00", Amount = 100 }).Row(run)),
            ("accepted_at is set but handed_off_at is empty", (Good with { Name = "B4", HandedOff = null, Owner = null, FirstContact = null }).Row(run)),
            ("owner_email marketing@demo.test is not a sales rep", (Good with { Name = "B5", Owner = "marketing@demo.test" }).Row(run)),
            ("'Too small' is not one of the agreement's rejection reasons", (Good with { Name = "B6", Accepted = null, Rejected = "2026-11-02T10:00:00-05:00", Reason = "Too small" }).Row(run)),
            ("created_at '2026-11-02T08:00:00' has no offset", (Good with { Name = "B7", Created = "2026-11-02T08:00:00" }).Row(run)),
            ("handed_off_at '2026-02-30T09:00:00-05:00' is not a date and time that exists", (Good with { Name = "B8", Created = "2026-01-02T08:00:00-05:00", HandedOff = "2026-02-30T09:00:00-05:00" }).Row(run)),
            ("company_size 'many' is not a whole number", (Good with { Name = "B9" }).Row(run).Replace(",600,", ",many,", StringComparison.Ordinal)),
            ("amount '12,000' is not a number", (Good with { Name = "B10", Won = "2026-11-05T10:00:00-05:00" }).Row(run) + "\"12,000\""),
            ("Email must be an address like name@company.com", (Good with { Name = "B11" }).Row(run).Replace($"b11.{run}@history.example", "not-an-email", StringComparison.Ordinal)),
            ("email ok.", Good.Row(run)),
            ($"email ok.{run}@history.example is also on line 13", Good.Row(run).Replace($"{run}-OK", $"{run}-OK2", StringComparison.Ordinal)),
            ($"external_id {run}-OK is also on line 13", Good.Row(run).Replace($"ok.{run}", $"ok2.{run}", StringComparison.Ordinal)),
            ("won_at is set but amount is empty", (Good with { Name = "B15", Won = "2026-11-05T10:00:00-05:00" }).Row(run)),
            ("is in the future", (Good with { Name = "B16", FirstContact = "2027-01-04T10:00:00-05:00", Accepted = null }).Row(run)),
        };
        var csv = string.Join("\r\n", [HandMadeHistory.Header, .. rows.Select(r => r.Row)]) + "\r\n";

        var (status, problem, unchanged) = await PostAsync(csv);

        status.ShouldBe(HttpStatusCode.BadRequest);
        unchanged.ShouldBeTrue("a file with a bad row writes nothing");
        problem.GetProperty("detail").GetString()!.ShouldStartWith("15 of 16 rows can't be imported, so nothing was imported.");
        var errors = Errors(problem);
        errors.Keys.ShouldBe([.. Enumerable.Range(2, 16).Where(line => line != 13).Select(line => $"line {line}")], ignoreOrder: true);
        for (var i = 0; i < rows.Length; i++)
        {
            if (i + 2 != 13)
            {
                errors[$"line {i + 2}"].ShouldContain(rows[i].Expected, Case.Sensitive, $"line {i + 2}");
            }
        }
    }

    [Fact]
    public async Task A_file_imports_whole_and_the_same_file_sent_again_is_refused_as_already_imported_creating_nothing_more()
    {
        var run = Run();
        var csv = HandMadeHistory.File(run, [Good with { Name = "R1" }, Good with { Name = "R2", Owner = Demo.Rep2 }]);

        var (status, counts, _) = await PostAsync(csv);
        status.ShouldBe(HttpStatusCode.OK);
        (counts.GetProperty("leads").GetInt32(), counts.GetProperty("accepted").GetInt32(), counts.GetProperty("timers").GetInt32()).ShouldBe((2, 2, 6));

        var (again, problem, unchanged) = await PostAsync(csv);
        again.ShouldBe(HttpStatusCode.BadRequest);
        unchanged.ShouldBeTrue("a replayed file writes nothing");
        Errors(problem)["line 2"].ShouldContain($"email r1.{run}@history.example already belongs to a stored lead: this lead was imported or added before.");
        Errors(problem)["line 3"].ShouldContain($"external_id {run}-R2 already belongs to a stored lead");
        await using var db = app.OpenDatabase();
        (await db.Leads.CountAsync(l => l.ExternalId!.StartsWith(run), Pipeline.Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task A_hand_off_before_the_first_agreement_version_took_effect_is_judged_by_the_first_version()
    {
        var run = Run();
        var early = Good with { Name = "E1", Created = "2026-06-15T09:00:00-04:00", HandedOff = "2026-06-15T10:00:00-04:00", FirstContact = "2026-06-15T10:30:00-04:00", Accepted = null };

        var (status, _, _) = await PostAsync(HandMadeHistory.File(run, [early]));

        status.ShouldBe(HttpStatusCode.OK);
        await using var db = app.OpenDatabase();
        var id = await db.Leads.Where(l => l.ExternalId == $"{run}-E1").Select(l => l.Id).SingleAsync(Pipeline.Ct);
        var timers = await db.SlaTimers.AsNoTracking().Where(t => t.LeadId == id).ToListAsync(Pipeline.Ct);
        timers.Select(t => t.SlaVersion).ShouldAllBe(v => v == 1);
        timers.Single(t => t.Kind == Domain.Clocks.TimerKind.FirstContact).BusinessMinutesElapsed.ShouldBe(30);
    }

    [Theory]
    [InlineData("")]
    [InlineData("email,company\r\nada@example.com,Analytical\r\n")]
    [InlineData("external_id,email\r\n")]
    public async Task A_file_that_is_empty_or_has_the_wrong_header_is_refused_by_name_and_writes_nothing(string csv)
    {
        var (status, problem, unchanged) = await PostAsync(csv);

        status.ShouldBe(HttpStatusCode.BadRequest);
        unchanged.ShouldBeTrue();
        Errors(problem)["file"].ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Only_an_admin_imports_history_a_caller_without_a_key_is_refused_and_other_media_types_and_oversized_files_are_refused()
    {
        var csv = HandMadeHistory.File(Run(), [Good with { Name = "P1" }]);

        (await PostAsync(csv, app.ApiClient("demo-marketing"))).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(csv, app.ApiClient("demo-sales.manager"))).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(csv, app.ApiClient(null))).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(csv, app.ApiClient("not-a-key"))).Status.ShouldBe(HttpStatusCode.Unauthorized);

        var json = await PostAsync("""{"rows":[]}""", mediaType: "application/json");
        json.Status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        json.Body.GetProperty("detail").GetString()!.ShouldContain("text/csv");
        (await PostAsync(csv, mediaType: "text/csv; charset=windows-1252")).Status.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        var huge = HandMadeHistory.Header + "\r\n" + new string('x', (int)Application.Imports.HistoryColumns.MaxBytes);
        var (status, problem, unchanged) = await PostAsync(huge);
        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString()!.ShouldContain("8 MB");
        unchanged.ShouldBeTrue();
    }

    [Fact]
    public async Task Ten_thousand_rows_import_in_one_go()
    {
        var run = Run();
        var leads = Enumerable.Range(1, Application.Imports.HistoryColumns.MaxRows).Select(i => Good with { Name = $"N{i}", Owner = Pipeline.Reps[i % 3] });
        var file = HandMadeHistory.File(run, leads);
        _ = app.Services;
        app.MoveTo(HandMadeHistory.Now > app.Now ? HandMadeHistory.Now : app.Now);
        var started = System.Diagnostics.Stopwatch.StartNew();

        using var response = await HandMadeHistory.PostAsync(Admin, file);

        TestContext.Current.TestOutputHelper?.WriteLine($"10,000 rows imported in {started.Elapsed.TotalSeconds:0.0} s");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var counts = await response.JsonAsync();
        counts.GetProperty("leads").GetInt32().ShouldBe(10_000);
        counts.GetProperty("events").GetInt32().ShouldBe(50_000);
    }
}
