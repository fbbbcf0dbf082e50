using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Demo;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Web.Tests.Agreements;

/// <summary>
/// The agreement as the demo has it (version 1 in force, version 2 being drafted) in an in-memory database, and the
/// real <see cref="AgreementService"/> for each of the people who work on it: the pages call it, so these tests do too.
/// </summary>
public sealed class AgreementWorld : IDisposable
{
    public static readonly Person Maya = new("marketing@demo.test", "Maya Marketing", Roles.MarketingManager);
    public static readonly Person Sam = new("sales.manager@demo.test", "Sam Salesmanager", Roles.SalesManager);
    public static readonly Person Riley = new("rep1@demo.test", "Riley Rep", Roles.SalesRep);

    private readonly SqliteConnection _keepAlive;
    private readonly DbContextOptions<SmarketingDbContext> _options;
    private readonly AdoptedAgreementCache _cache = new();

    public AgreementWorld(TimeProvider clock)
    {
        Clock = clock;
        var connection = $"Data Source=agreement-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(connection);
        _keepAlive.Open();
        _options = new DbContextOptionsBuilder<SmarketingDbContext>().UseSqlite(connection).Options;
        using var db = new SmarketingDbContext(_options);
        db.Database.EnsureCreated();
        Seed(db);
    }

    public TimeProvider Clock { get; }

    /// <summary>Everyone's pages hear of everyone's saves through this one feed, as in the running app.</summary>
    public AgreementChangeFeed Feed { get; } = new();

    public AgreementService ServiceFor(Person person) =>
        new(new Factory(_options), person, Clock, Feed, new AgreementContentValidator(), new DraftHeaderRequestValidator(), _cache);

    public async Task<AgreementVersionView> DraftAsync() => (await ServiceFor(Maya).GetDraftAsync())!;

    public void Dispose() => _keepAlive.Dispose();

    private void Seed(SmarketingDbContext db)
    {
        var signedAt = new DateTimeOffset(2026, 6, 20, 15, 0, 0, TimeSpan.Zero);
        var version1 = new AgreementVersion
        {
            Number = 1,
            EffectiveFrom = DemoAgreement.Version1EffectiveFrom,
            EffectiveAt = new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero),
            AdoptedAt = signedAt,
            DraftSlot = null,
            Summary = "The first agreement between marketing and sales.",
            MarketingSignedBy = Maya.Email, MarketingSignerName = Maya.DisplayName, MarketingSignedAt = signedAt,
            SalesSignedBy = Sam.Email, SalesSignerName = Sam.DisplayName, SalesSignedAt = signedAt,
        };
        AddSections(db, version1, DemoAgreement.Version1(), signedAt);
        var version2 = new AgreementVersion
        {
            Number = 2,
            EffectiveFrom = DemoAgreement.Version2EffectiveFrom,
            Summary = "Faster first contact for A-leads.",
        };
        AddSections(db, version2, DemoAgreement.Version2Draft(), Clock.GetUtcNow().AddDays(-1));
        db.AgreementVersions.AddRange(version1, version2);
        db.SaveChanges();
    }

    private static void AddSections(SmarketingDbContext db, AgreementVersion version, AgreementContent content, DateTimeOffset at)
    {
        foreach (var section in AgreementSections.All)
        {
            var json = AgreementJson.Serialize(content, section);
            version.Sections.Add(new AgreementSectionRecord { VersionId = version.Id, Section = section, Json = json, Revision = 1, UpdatedAt = at, UpdatedBy = Sam.Email });
            db.AgreementSectionRevisions.Add(new AgreementSectionRevision { VersionId = version.Id, Section = section, Revision = 1, Json = json, SavedAt = at, SavedBy = Sam.Email });
        }
    }

    private sealed class Factory(DbContextOptions<SmarketingDbContext> options) : IAppDbContextFactory
    {
        public Task<IAppDbContext> CreateAsync(CancellationToken ct = default) => Task.FromResult<IAppDbContext>(new SmarketingDbContext(options));
    }
}

/// <summary>Someone signed in, with one role.</summary>
public sealed record Person(string Email, string DisplayName, string Role) : ICurrentUser
{
    public string? UserId => Email;

    string? ICurrentUser.Email => Email;

    string? ICurrentUser.DisplayName => DisplayName;

    public bool IsAuthenticated => true;

    public bool IsInRole(string role) => role == Role;
}
