using System.Globalization;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.UnitTests.Clocks;

/// <summary>
/// A lead's history told step by step through the lead's own state machine (hand-off, claim, contact, ...), with
/// instants written as ISO-8601 with their offset, and the timers the timekeeper works out from it.
/// </summary>
internal sealed class LeadStory
{
    public static readonly Actor Marketing = new("user-marketing", "marketing@demo.test");
    public static readonly Actor Rep1 = new("user-rep1", "rep1@demo.test");
    public static readonly Actor Rep2 = new("user-rep2", "rep2@demo.test");
    public static readonly Actor SalesManager = new("user-sales-manager", "sales.manager@demo.test");

    private static readonly IReadOnlyList<string> _rejectionReasons = DemoAgreement.Version1().Reasons.RejectionReasons;

    private readonly IReadOnlyDictionary<int, AgreementContent> _versions;

    /// <param name="grade">"A" falls under the demo's A-lead rule (4 business hours); any other grade under the default (1 business day).</param>
    /// <param name="versions">The adopted versions by number; the demo's version 1 alone when left out.</param>
    public LeadStory(string grade = "A", IReadOnlyDictionary<int, AgreementContent>? versions = null)
    {
        _versions = versions ?? new Dictionary<int, AgreementContent> { [1] = DemoAgreement.Version1() };
        Lead = new Lead
        {
            FirstName = "Ada", LastName = "Lovelace", Company = "Analytical Engines", Email = "ada@example.test",
            IsMql = true, Grade = grade, Stage = LeadStage.Mql,
        };
    }

    public Lead Lead { get; }

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public LeadStory HandOff(string at, int version = 1) => Expect(Lead.HandOff(Marketing, At(at), version, null));

    public LeadStory Claim(string at, Actor? rep = null) => Expect(Lead.Claim(rep ?? Rep1, At(at), 1));

    /// <summary>A contact attempt that happened at <paramref name="at"/>, logged then or, with <paramref name="loggedAt"/>, afterwards.</summary>
    public LeadStory Contact(string at, string? loggedAt = null) =>
        Expect(Lead.LogContact(OwnerActor(), At(at), ContactChannel.Phone, ContactOutcome.NoAnswer, null, At(loggedAt ?? at), 1));

    public LeadStory Accept(string at) => Expect(Lead.Accept(OwnerActor(), At(at), 1));

    public LeadStory Reject(string at) => Expect(Lead.Reject(OwnerActor(), "Duplicate", _rejectionReasons, At(at), 1));

    public LeadStory Convert(string at) => Expect(Lead.Convert(OwnerActor(), At(at), 1));

    public LeadStory Won(string at) => Expect(Lead.MarkWon(OwnerActor(), 10_000, At(at), 1));

    public LeadStory Reassign(string at, Actor to) => Expect(Lead.Reassign(SalesManager, to, "Riley is out sick", At(at), 1));

    /// <summary>Every timer of every cycle as of <paramref name="now"/>.</summary>
    public IReadOnlyList<SlaTimer> TimersAt(string now) => SlaTimekeeper.Compute(Lead, Lead.Events, n => _versions[n], At(now));

    public SlaTimer TimerAt(string now, TimerKind kind, int cycle = 1) => TimersAt(now).Single(t => t.Kind == kind && t.Cycle == cycle);

    private Actor OwnerActor() => Lead.OwnerId == Rep2.Id ? Rep2 : Rep1;

    private LeadStory Expect(Domain.Common.Result result)
    {
        result.Succeeded.ShouldBeTrue(result.Message);
        return this;
    }
}
