using System.Net;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;
using Smarketing.IntegrationTests.Support;
using static Smarketing.IntegrationTests.Agreements.AgreementApp;

namespace Smarketing.IntegrationTests.Agreements;

/// <summary>
/// Who may change what, enforced by the server: marketing owns its clauses, personas and the lead definition; sales
/// its clauses, response rules and reasons; the calendar is either manager's or an admin's; reps and leadership read.
/// </summary>
public sealed class AgreementPermissionTests(AgreementApp app) : IClassFixture<AgreementApp>, IAsyncLifetime
{
    private const string Rep = Demo.Rep1;
    private const string Leadership = Demo.Leadership;
    private const string Admin = Demo.Admin;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A valid change to each section, so a missing role check would show as a saved change.</summary>
    private static void Edit(AgreementSection section, AgreementContent content)
    {
        switch (section)
        {
            case AgreementSection.MarketingClauses: content.MarketingClauses[0].Target = 500; break;
            case AgreementSection.SalesClauses: content.SalesClauses[0].Target = 97; break;
            case AgreementSection.Personas: content.Personas[0].Notes = "Prefers a short call to a long deck."; break;
            case AgreementSection.LeadDefinition: content.LeadDefinition.MqlThreshold = 70; break;
            case AgreementSection.ResponseRules: content.ResponseRules.Rules[1].WarningPercent = 80; break;
            case AgreementSection.Calendar: content.Calendar.Holidays.Add(new DateOnly(2027, 12, 30)); break;
            case AgreementSection.Reasons: content.Reasons.LostReasons.Add("Reorganisation"); break;
            default: throw new ArgumentOutOfRangeException(nameof(section));
        }
    }

    private static readonly Dictionary<string, AgreementSection[]> MayEdit = new()
    {
        [Marketing] = [AgreementSection.MarketingClauses, AgreementSection.Personas, AgreementSection.LeadDefinition, AgreementSection.Calendar],
        [Sales] = [AgreementSection.SalesClauses, AgreementSection.ResponseRules, AgreementSection.Reasons, AgreementSection.Calendar],
        [Admin] = [AgreementSection.Calendar],
        [Rep] = [],
        [Leadership] = [],
    };

    public static TheoryData<string, AgreementSection, bool> EverySectionForEveryone()
    {
        var data = new TheoryData<string, AgreementSection, bool>();
        foreach (var (email, sections) in MayEdit)
        {
            foreach (var section in AgreementSections.All)
            {
                data.Add(email, section, sections.Contains(section));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySectionForEveryone))]
    public async Task EachSection_IsSavedOnlyByTheRolesThatOwnIt(string email, AgreementSection section, bool allowed)
    {
        var seen = await app.DraftAsync();

        var saved = await app.As(email, s => s.SaveSectionAsync(Save(section, seen, c => Edit(section, c)), Ct));

        var after = await app.DraftAsync();
        if (allowed)
        {
            saved.Value.Saved.ShouldNotBeNull().Revision.ShouldBe(2);
            after.Sections[section].UpdatedBy.ShouldBe(email);
            AgreementDiff.Section(section, seen.Content, after.Content).ShouldNotBeEmpty();
        }
        else
        {
            saved.Kind.ShouldBe(ResultKind.Forbidden);
            saved.Message.ShouldStartWith($"{AgreementSections.Title(section)} can be changed only by: ");
            after.Sections[section].Revision.ShouldBe(1);
            AgreementDiff.Between(seen.Content, after.Content).ShouldBeEmpty();
            after.ContentRevision.ShouldBe(seen.ContentRevision);
        }
    }

    [Theory]
    [InlineData(Rep)]
    [InlineData(Leadership)]
    [InlineData(Admin)]
    public async Task OnlyManagers_StartADraft(string email)
    {
        await app.AdoptDraftAsync();

        var started = await app.As(email, s => s.StartDraftAsync(Ct));

        started.Kind.ShouldBe(ResultKind.Forbidden);
        started.Message.ShouldBe("Only a marketing or sales manager can start a draft.");
        (await app.As(email, s => s.GetDraftAsync(Ct))).ShouldBeNull();
    }

    [Theory]
    [InlineData(Rep)]
    [InlineData(Leadership)]
    [InlineData(Admin)]
    public async Task OnlyManagers_SetTheEffectiveDateAndSummary(string email)
    {
        var seen = await app.DraftAsync();

        var changed = await app.As(email, s => s.SaveHeaderAsync(
            new DraftHeaderRequest { EffectiveFrom = new DateOnly(2027, 3, 1), Summary = "Moved", ExpectedContentRevision = seen.ContentRevision }, Ct));

        changed.Kind.ShouldBe(ResultKind.Forbidden);
        var after = await app.DraftAsync();
        after.EffectiveFrom.ShouldBe(seen.EffectiveFrom);
        after.Summary.ShouldBe(seen.Summary);
    }

    [Theory]
    [InlineData(Rep, Department.Marketing)]
    [InlineData(Rep, Department.Sales)]
    [InlineData(Leadership, Department.Marketing)]
    [InlineData(Leadership, Department.Sales)]
    [InlineData(Admin, Department.Marketing)]
    [InlineData(Admin, Department.Sales)]
    [InlineData(Marketing, Department.Sales)]
    [InlineData(Sales, Department.Marketing)]
    public async Task OnlyTheDepartmentsOwnManager_SignsForIt(string email, Department department)
    {
        var seen = await app.DraftAsync();

        var signed = await app.As(email, s => s.SignAsync(new SignRequest { Department = department, ContentRevision = seen.ContentRevision }, Ct));

        signed.Kind.ShouldBe(ResultKind.Forbidden);
        var after = await app.DraftAsync();
        after.MarketingSignature.ShouldBeNull();
        after.SalesSignature.ShouldBeNull();
    }

    [Theory]
    [InlineData("demo-rep1")]
    [InlineData("demo-leadership")]
    public async Task OverTheApi_ARepOrLeadershipGets403ForEveryWrite_AndNothingChanges(string key)
    {
        var api = app.ApiClient(key);
        var seen = await app.DraftAsync();

        foreach (var section in AgreementSections.All)
        {
            var edited = AgreementJson.Clone(seen.Content);
            Edit(section, edited);
            var response = await api.PutAsync(
                $"/api/v1/agreement/draft/sections/{Camel(section)}?revision=1", Json(AgreementJson.Serialize(edited, section)), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"PUT {section}");
        }

        (await api.PutAsync("/api/v1/agreement/draft/header",
                Json("""{"effectiveFrom":"2027-03-01","summary":"Moved","expectedContentRevision":0}"""), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsync("/api/v1/agreement/draft/sign", Json("""{"department":"marketing","contentRevision":0}"""), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsync("/api/v1/agreement/draft/sign", Json("""{"department":"sales","contentRevision":0}"""), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var after = await app.DraftAsync();
        after.Sections.Values.ShouldAllBe(s => s.Revision == 1);
        after.ContentRevision.ShouldBe(0);
        after.EffectiveFrom.ShouldBe(seen.EffectiveFrom);
        after.MarketingSignature.ShouldBeNull();
        after.SalesSignature.ShouldBeNull();
        AgreementDiff.Between(seen.Content, after.Content).ShouldBeEmpty();

        await app.AdoptDraftAsync();
        var start = await api.PostAsync("/api/v1/agreement/draft", null, Ct);
        start.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        start.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await app.As(Marketing, s => s.GetDraftAsync(Ct))).ShouldBeNull();
    }

    [Fact]
    public async Task OverTheApi_AnAdminSavesTheCalendar_ButNothingElse()
    {
        var api = app.ApiClient("demo-admin");
        var seen = await app.DraftAsync();
        var calendar = AgreementJson.Clone(seen.Content);
        calendar.Calendar.Holidays.Add(new DateOnly(2027, 12, 30));
        var personas = AgreementJson.Clone(seen.Content);
        personas.Personas.RemoveAt(0);

        var savedCalendar = await api.PutAsync("/api/v1/agreement/draft/sections/calendar?revision=1", Json(AgreementJson.Serialize(calendar, AgreementSection.Calendar)), Ct);
        var savedPersonas = await api.PutAsync("/api/v1/agreement/draft/sections/personas?revision=1", Json(AgreementJson.Serialize(personas, AgreementSection.Personas)), Ct);

        savedCalendar.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BodyOf(savedCalendar)).GetProperty("revision").GetInt32().ShouldBe(2);
        savedPersonas.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var after = await app.DraftAsync();
        after.Content.Calendar.Holidays.ShouldContain(new DateOnly(2027, 12, 30));
        after.Content.Personas.Count.ShouldBe(seen.Content.Personas.Count);
        (await api.PutAsync("/api/v1/agreement/draft/header",
                Json("""{"effectiveFrom":"2027-03-01","summary":"Moved","expectedContentRevision":1}"""), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OverTheApi_EachManagerIsRefusedTheOthersSections()
    {
        var seen = await app.DraftAsync();
        var edited = AgreementJson.Clone(seen.Content);
        Edit(AgreementSection.ResponseRules, edited);
        Edit(AgreementSection.Personas, edited);

        var marketingOnRules = await app.ApiClient("demo-marketing").PutAsync(
            "/api/v1/agreement/draft/sections/responseRules?revision=1", Json(AgreementJson.Serialize(edited, AgreementSection.ResponseRules)), Ct);
        var salesOnPersonas = await app.ApiClient("demo-sales.manager").PutAsync(
            "/api/v1/agreement/draft/sections/personas?revision=1", Json(AgreementJson.Serialize(edited, AgreementSection.Personas)), Ct);

        marketingOnRules.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await BodyOf(marketingOnRules)).GetProperty("detail").GetString().ShouldBe("Response rules can be changed only by: Sales manager.");
        salesOnPersonas.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await BodyOf(salesOnPersonas)).GetProperty("detail").GetString().ShouldBe("Buyer personas can be changed only by: Marketing manager.");
        (await app.DraftAsync()).Sections.Values.ShouldAllBe(s => s.Revision == 1);
    }

    private static string Camel(AgreementSection section) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(section.ToString());
}
