using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.Application.Reports;
using Smarketing.Domain.Common;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// The real app on its own SQLite file with a hand-made set of leads, driven through the real services minute by
/// minute on <see cref="SlaAppFactory"/>'s fixed clock (the SLA monitor off), whose report numbers were worked out by hand (see <see cref="ReportData"/>).
/// The demo data is seeded relative to the clock's start (Monday 14 Sep 2026), so every demo lead was handed off
/// before 14 Sep 2026 and none falls in the report period 2026-10-26 .. 2026-11-29.
/// </summary>
public sealed class ReportApp : SlaAppFactory, IAsyncLifetime
{
    public const string Rep1 = "rep1@demo.test";
    public const string Rep2 = "rep2@demo.test";
    public const string Rep3 = "rep3@demo.test";

    public static readonly DateOnly From = new(2026, 10, 26);
    public static readonly DateOnly To = new(2026, 11, 29);

    private static readonly TimeZoneInfo _newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The leads of the data set by their name in <see cref="ReportData"/> (L0 .. L15, N1, N2, M1).</summary>
    public Dictionary<string, Guid> Leads { get; } = [];

    public Guid Lead(string name) => Leads[name];

    /// <summary>New York wall-clock time as an instant (EDT until 1 Nov 2026 02:00, EST after).</summary>
    public static DateTimeOffset NewYork(int month, int day, int hour, int minute, int second = 0, int year = 2026)
    {
        var wall = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, _newYork.GetUtcOffset(wall));
    }

    public async ValueTask InitializeAsync()
    {
        // Starting the server seeds the demo users, agreement and leads at the clock's start.
        _ = Services;
        await ReportData.BuildAsync(this);
    }

    public async Task<T> AsAsync<T>(string email, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await SignedInAsAsync(email);
        return await action(scope.ServiceProvider);
    }

    public Task<T> ReportsAsync<T>(Func<ReportService, Task<T>> action, string email = Demo.Leadership) =>
        AsAsync(email, sp => action(sp.GetRequiredService<ReportService>()));

    // The pipeline moves, each as the person who makes it, at the clock's current minute.

    public async Task<Guid> CreateAsync(string name, LeadKind kind)
    {
        var created = await AsAsync(Marketing, sp => sp.GetRequiredService<LeadService>().CreateAsync(new CreateLeadRequest
        {
            Email = Demo.UniqueEmail(name.ToLowerInvariant()),
            FirstName = "Lead",
            LastName = name,
            Company = "Northwind",
            Title = "IT Director",
            CompanySize = 600,
            Industry = "Software",
            // DE fails the fit rule (US or CA): not an MQL.
            Country = kind == LeadKind.NotAnMql ? "DE" : "US",
            // Scores: title 20 + industry 15 + size 15 + engagement 30 = 80 (B); a demo request adds 25: 105 (A).
            Source = kind == LeadKind.A ? "Demo request" : "Webinar",
            EngagementScore = 30,
        }));
        created.Succeeded.ShouldBeTrue(created.Message);
        created.Value.Lead.Grade.ShouldBe(kind switch { LeadKind.A => "A", LeadKind.B => "B", _ => created.Value.Lead.Grade });
        created.Value.Lead.IsMql.ShouldBe(kind != LeadKind.NotAnMql);
        Leads[name] = created.Value.Lead.Id;
        return created.Value.Lead.Id;
    }

    public async Task HandOffAsync(string name)
    {
        var outcome = (await AsAsync(Marketing, sp => sp.GetRequiredService<LeadService>().HandOffAsync(new HandOffRequest { LeadIds = [Lead(name)] }))).Single();
        outcome.HandedOff.ShouldBeTrue(outcome.Message);
    }

    public Task ClaimAsync(string name, string rep) => Succeeds(rep, s => s.ClaimAsync(Lead(name)));

    public Task ContactAsync(string name, string rep) => Succeeds(rep, s => s.LogContactAsync(Lead(name), new ContactRequest { OccurredAt = Now }));

    public Task AcceptAsync(string name, string rep) => Succeeds(rep, s => s.AcceptAsync(Lead(name)));

    public Task RejectAsync(string name, string rep, string reason) => Succeeds(rep, s => s.RejectAsync(Lead(name), new ReasonRequest { Reason = reason }));

    public Task ConvertAsync(string name, string rep) => Succeeds(rep, s => s.ConvertAsync(Lead(name)));

    public Task WonAsync(string name, string rep, decimal amount) => Succeeds(rep, s => s.MarkWonAsync(Lead(name), new WonRequest { Amount = amount }));

    public Task LostAsync(string name, string rep, string reason) => Succeeds(rep, s => s.MarkLostAsync(Lead(name), new ReasonRequest { Reason = reason }));

    /// <summary>The demo's draft version 2 (A-leads: first contact within 2 business hours instead of 4; 450 MQLs a month instead of 400), made effective on <paramref name="effectiveFrom"/> and signed by both managers.</summary>

    private async Task Succeeds(string email, Func<LeadService, Task<Result<LeadDetails>>> action)
    {
        var result = await AsAsync(email, sp => action(sp.GetRequiredService<LeadService>()));
        result.Succeeded.ShouldBeTrue($"{result.Kind}: {result.Message} {string.Join(" ", result.Errors.SelectMany(e => e.Value))}");
    }
}

public enum LeadKind
{
    A,
    B,
    NotAnMql,
}
