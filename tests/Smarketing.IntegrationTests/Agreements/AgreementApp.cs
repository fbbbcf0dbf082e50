using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Smarketing.Application.Agreements;
using Smarketing.Application.Users;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Demo;
using Smarketing.Infrastructure.Persistence;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Agreements;

/// <summary>
/// The real app on its own SQLite file with the demo agreement (version 1 in force since 2026-07-01, draft
/// version 2 for 2027-01-04), on a clock that stands at Friday 2026-11-20 10:00 in New York until a test moves it.
/// The agreement is one shared thing (one draft at a time), so a test class takes this as its fixture and calls
/// <see cref="ResetAsync"/> before each test: starting an app per test costs seconds, a reset milliseconds.
/// </summary>
public sealed class AgreementApp : SmarketingAppFactory
{
    public const string Marketing = "marketing@demo.test";
    public const string Sales = "sales.manager@demo.test";

    public static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Midnight in New York on the demo draft's effective date, 2027-01-04.</summary>
    public static readonly DateTimeOffset Version2Starts = new(2027, 1, 4, 5, 0, 0, TimeSpan.Zero);

    private readonly RewindableClock _clock = new(Start);

    /// <summary>The app's clock: it stands still until a test moves it forward.</summary>
    public FakeTimeProvider Clock => _clock.Current;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock));
    }

    /// <summary>Puts the agreement back to the demo's version 1 and draft version 2, and the clock back to <see cref="Start"/>.</summary>
    public async Task ResetAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _clock.Current = new FakeTimeProvider(Start);
        await using (var db = OpenDatabase())
        {
            // Rewinding history is what the database refuses to do, so the reset lifts its guard for a moment.
            await AppendOnlyHistory.RemoveAsync(db.Database, ct);
            await db.AgreementSectionRevisions.ExecuteDeleteAsync(ct);
            await db.AgreementSections.ExecuteDeleteAsync(ct);
            await db.AgreementVersions.ExecuteDeleteAsync(ct);
            await AppendOnlyHistory.InstallAsync(db.Database, ct);
        }

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
    }

    /// <summary>Runs <paramref name="action"/> with an AgreementService of its own scope, signed in as <paramref name="email"/>.</summary>
    public async Task<T> As<T>(string email, Func<AgreementService, Task<T>> action)
    {
        await using var scope = await SignedInAsAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<AgreementService>());
    }

    public Task<AgreementVersionView> DraftAsync() =>
        As(Marketing, async s => await s.GetDraftAsync(TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("There is no draft."));

    /// <summary>A second marketing manager, so two marketing sessions are two people.</summary>
    public async Task<string> AddMarketingManagerAsync(string name)
    {
        var email = Demo.UniqueEmail(name.ToLowerInvariant());
        await using var admin = await SignedInAsAsync(Demo.Admin);
        var created = await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(new CreateUserRequest
        {
            Email = email, DisplayName = name, Password = "Second-Editor7", Roles = [Roles.MarketingManager],
        }, TestContext.Current.CancellationToken);
        created.Succeeded.ShouldBeTrue(created.Message);
        return email;
    }

    /// <summary>Both managers sign the current draft as they see it now; the second signature adopts it.</summary>
    public async Task<AgreementVersionView> AdoptDraftAsync()
    {
        var draft = await DraftAsync();
        var ct = TestContext.Current.CancellationToken;
        (await As(Marketing, s => s.SignAsync(new SignRequest { Department = Department.Marketing, ContentRevision = draft.ContentRevision }, ct)))
            .Succeeded.ShouldBeTrue();
        var adopted = await As(Sales, s => s.SignAsync(new SignRequest { Department = Department.Sales, ContentRevision = draft.ContentRevision }, ct));
        adopted.Succeeded.ShouldBeTrue(adopted.Message);
        return adopted.Value;
    }

    public static SaveSectionRequest Save(AgreementSection section, AgreementVersionView seen, Action<AgreementContent> edit)
    {
        var content = AgreementJson.Clone(seen.Content);
        edit(content);
        return new SaveSectionRequest { Section = section, ExpectedRevision = seen.Sections[section].Revision, Content = content };
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static JsonContent Json<T>(T value) => JsonContent.Create(value, options: AgreementJson.Options);

    public static async Task<JsonElement> BodyOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>
    /// A FakeTimeProvider never goes back, and each test starts again at <see cref="Start"/>: the app reads "now" from
    /// whichever FakeTimeProvider is current, and a reset puts a new one in its place. Timers and timestamps stay the
    /// system's, so the web host's own timeouts keep running.
    /// </summary>
    private sealed class RewindableClock(DateTimeOffset start) : TimeProvider
    {
        public FakeTimeProvider Current { get; set; } = new(start);

        public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;

        public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();
    }
}
