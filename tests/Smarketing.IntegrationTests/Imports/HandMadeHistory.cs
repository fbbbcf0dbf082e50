using System.Net.Http.Headers;
using System.Text;
using Smarketing.IntegrationTests.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Imports;

/// <summary>
/// A hand-made quarter of history in New York's calendar (Mon-Fri 09:00-17:00; Thanksgiving, Thu 26 and Fri 27 Nov
/// 2026, are holidays; daylight saving ends Sun 1 Nov 2026 02:00, EDT -04:00 before, EST -05:00 after). Every lead is a
/// B-lead under the demo agreement (IT Director 20 + Software 15 + 600 staff 15 + demo request 25 = 75 points; the file
/// has no engagement score), so "All other leads" judges it: first contact within 1 business day (480 business
/// minutes). Version 2 takes effect Mon 16 Nov (it changes only A-leads' budget). "Now" is Mon 30 Nov 2026 10:00 EST.
///
/// | lead | handed off (NY)          | owner | first contact            | business minutes         | due              | verdict |
/// |------|--------------------------|-------|--------------------------|--------------------------|------------------|---------|
/// | H1   | Fri 30 Oct 15:00 EDT     | rep1  | Mon 2 Nov 10:30 EST      | Fri 120 + Mon 90 = 210   | Mon 2 Nov 15:00  | within (across the DST change) |
/// | H2   | Tue 27 Oct 16:00 EDT     | rep2  | Wed 28 Oct 16:30 EDT     | Tue 60 + Wed 450 = 510   | Wed 28 Oct 16:00 | breached; then rejected, so no owner |
/// | H9   | Sun 1 Nov 01:30 EST (the second 01:30) | rep2 | Mon 2 Nov 09:30 | Sunday closed; Mon 30 | Mon 2 Nov 17:00 | within |
/// | H6   | Mon 2 Nov 09:00 EST      | rep1  | Mon 2 Nov 09:20:30       | 20.5, floored to 20      | Mon 2 Nov 17:00  | within; accepted, lost 13 Nov |
/// | H4   | Tue 17 Nov 10:00 EST (v2)| rep3  | none                     | -                        | Wed 18 Nov 10:00 | breached (no contact, past due) |
/// | H3   | Wed 25 Nov 14:00 EST (v2)| rep1  | Mon 30 Nov 09:45         | Wed 180 + Thu, Fri holidays + Mon 45 = 225 | Mon 30 Nov 14:00 | within |
/// | H5   | Fri 27 Nov 12:00 EST (v2, a holiday) | pool | none       | -                        | Mon 30 Nov 17:00 (clock starts Mon 09:00) | open |
/// | H7   | never (created Mon 9 Nov, an MQL at 09:30) | - | -       | -                        | -                | not in the reports |
///
/// H1 was accepted Mon 2 Nov 11:00 and won Fri 20 Nov 10:00 (12,000); H2 rejected Thu 29 Oct 10:00 ("No budget").
/// </summary>
internal static class HandMadeHistory
{
    public const string Header = "external_id,email,first_name,last_name,company,title,company_size,industry,country,source,campaign,created_at,mql_at,handed_off_at,owner_email,first_contact_at,accepted_at,rejected_at,rejection_reason,won_at,lost_at,amount";

    public static readonly DateTimeOffset Now = At("2026-11-30T10:00:00-05:00");

    public static readonly DateOnly Version2EffectiveFrom = new(2026, 11, 16);

    /// <summary>One lead of the story: what the file says, and so what live work does at those times.</summary>
    public sealed record Story(
        string Name, string Created, string? Mql = null, string? HandedOff = null, string? Owner = null, string? FirstContact = null,
        string? Accepted = null, string? Rejected = null, string? Reason = null, string? Won = null, string? Lost = null, decimal? Amount = null)
    {
        public string Email(string run) => $"{Name.ToLowerInvariant()}.{run}@history.example";

        public string Row(string run) => string.Join(',',
            $"{run}-{Name}", Email(run), "Lead", Name, "Northwind", "IT Director", "600", "Software", "US", "Demo request", "Q3 webinar series",
            Created, Mql, HandedOff, Owner, FirstContact, Accepted, Rejected, Reason, Won, Lost, Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static readonly Story[] Leads =
    [
        new("H1", "2026-10-26T09:00:00-04:00", Mql: "2026-10-26T09:05:00-04:00", HandedOff: "2026-10-30T15:00:00-04:00", Owner: Demo.Rep1,
            FirstContact: "2026-11-02T10:30:00-05:00", Accepted: "2026-11-02T11:00:00-05:00", Won: "2026-11-20T10:00:00-05:00", Amount: 12000m),
        new("H2", "2026-10-27T09:00:00-04:00", HandedOff: "2026-10-27T16:00:00-04:00", Owner: Demo.Rep2, FirstContact: "2026-10-28T16:30:00-04:00",
            Rejected: "2026-10-29T10:00:00-04:00", Reason: "No budget"),
        new("H9", "2026-10-30T12:00:00-04:00", HandedOff: "2026-11-01T01:30:00-05:00", Owner: Demo.Rep2, FirstContact: "2026-11-02T09:30:00-05:00"),
        new("H6", "2026-11-02T08:00:00-05:00", HandedOff: "2026-11-02T09:00:00-05:00", Owner: Demo.Rep1, FirstContact: "2026-11-02T09:20:30-05:00",
            Accepted: "2026-11-02T10:00:00-05:00", Lost: "2026-11-13T12:00:00-05:00"),
        new("H7", "2026-11-09T09:00:00-05:00", Mql: "2026-11-09T09:30:00-05:00"),
        new("H4", "2026-11-17T09:00:00-05:00", HandedOff: "2026-11-17T10:00:00-05:00", Owner: Demo.Rep3),
        new("H3", "2026-11-25T13:00:00-05:00", HandedOff: "2026-11-25T14:00:00-05:00", Owner: Demo.Rep1, FirstContact: "2026-11-30T09:45:00-05:00"),
        new("H5", "2026-11-27T11:00:00-05:00", HandedOff: "2026-11-27T12:00:00-05:00"),
    ];

    public static string File(string run, IEnumerable<Story>? leads = null) =>
        string.Join("\r\n", [Header, .. (leads ?? Leads).Select(l => l.Row(run))]) + "\r\n";

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string csv, string mediaType = "text/csv")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return client.PostAsync("/api/v1/imports/history", content, Pipeline.Ct);
    }
}

/// <summary>The hand-made history brought in by one POST /api/v1/imports/history, at <see cref="HandMadeHistory.Now"/>.</summary>
public sealed class BackfilledHistory : SlaAppFactory, IAsyncLifetime
{
    public string Run { get; } = "backfill";

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await AdoptVersion2Async(HandMadeHistory.Version2EffectiveFrom);
        MoveTo(HandMadeHistory.Now);
        using var response = await HandMadeHistory.PostAsync(ApiClient("demo-admin"), HandMadeHistory.File(Run));
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The same leads worked live through the API, each step as its person at its minute on the fake clock.</summary>
public sealed class LiveHistory : SlaAppFactory, IAsyncLifetime
{
    private readonly Dictionary<string, Guid> _ids = [];

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await AdoptVersion2Async(HandMadeHistory.Version2EffectiveFrom);
        var steps = HandMadeHistory.Leads.SelectMany(Steps).OrderBy(s => s.At).ThenBy(s => s.Order).ToList();
        foreach (var (at, _, act) in steps)
        {
            MoveTo(at);
            await act();
        }

        MoveTo(HandMadeHistory.Now);
    }

    private IEnumerable<(DateTimeOffset At, int Order, Func<Task> Act)> Steps(HandMadeHistory.Story lead)
    {
        var marketing = ApiClient("demo-marketing");
        var rep = lead.Owner is null ? null : ApiClient("demo-" + lead.Owner[..lead.Owner.IndexOf('@')]);
        var url = () => $"/api/v1/leads/{_ids[lead.Name]}";
        yield return (HandMadeHistory.At(lead.Created), 0, async () =>
        {
            var created = await (await marketing.PostJsonAsync("/api/v1/leads", new
            {
                externalId = $"live-{lead.Name}", email = lead.Email("live"), firstName = "Lead", lastName = lead.Name, company = "Northwind",
                title = "IT Director", companySize = 600, industry = "Software", country = "US", source = "Demo request", campaign = "Q3 webinar series",
            })).JsonAsync();
            _ids[lead.Name] = created.GetProperty("id").GetGuid();
        });
        if (lead.HandedOff is null)
        {
            yield break;
        }

        yield return (HandMadeHistory.At(lead.HandedOff), 1, () => Succeed(marketing.PostEmptyAsync(url() + "/handoff")));
        if (rep is null)
        {
            yield break;
        }

        yield return (HandMadeHistory.At(lead.HandedOff), 2, () => Succeed(rep.PostEmptyAsync(url() + "/claim")));
        if (lead.FirstContact is not null)
        {
            yield return (HandMadeHistory.At(lead.FirstContact), 3, () => Succeed(rep.PostJsonAsync(url() + "/contacts", new { channel = "phone", outcome = "connected" })));
        }

        if (lead.Accepted is not null)
        {
            yield return (HandMadeHistory.At(lead.Accepted), 4, () => Succeed(rep.PostEmptyAsync(url() + "/accept")));
        }

        if (lead.Rejected is not null)
        {
            yield return (HandMadeHistory.At(lead.Rejected), 4, () => Succeed(rep.PostJsonAsync(url() + "/reject", new { reason = lead.Reason })));
        }

        if ((lead.Won ?? lead.Lost) is { } closed)
        {
            yield return (HandMadeHistory.At(closed), 5, () => Succeed(rep.PostEmptyAsync(url() + "/convert")));
            yield return (HandMadeHistory.At(closed), 6, () => lead.Won is null
                ? Succeed(rep.PostJsonAsync(url() + "/lost", new { reason = "Price" }))
                : Succeed(rep.PostJsonAsync(url() + "/won", new { amount = lead.Amount })));
        }
    }

    private static async Task Succeed(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Pipeline.Ct));
    }
}
