using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Domain.Leads;
using Smarketing.Infrastructure.Persistence;
using Smarketing.IntegrationTests.Agreements;

namespace Smarketing.IntegrationTests.Persistence;

/// <summary>
/// Large imports write leads without the change tracker. Those rows must be indistinguishable from rows a normal save
/// writes, or reports, look-ups and the lead page would treat imported leads differently.
/// </summary>
public sealed class BulkInsertTests(AgreementApp app) : IClassFixture<AgreementApp>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AsyncServiceScope _scope;

    public async ValueTask InitializeAsync()
    {
        await app.ResetAsync();
        _scope = app.Services.CreateAsyncScope();
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    [Fact]
    public async Task A_lead_and_its_event_written_in_bulk_are_stored_exactly_as_a_normal_save_stores_them()
    {
        var saved = NewLead("saved");
        var bulk = NewLead("bulk");
        await using (var db = await ContextAsync())
        {
            db.Leads.Add(saved);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = await ContextAsync())
        {
            await using var write = await db.BeginWriteAsync(Ct);
            await db.InsertManyAsync([bulk], Ct);
            await db.InsertManyAsync(bulk.Events, Ct);
            await write.CommitAsync(Ct);
        }

        bulk.Events[0].Id.ShouldBeGreaterThan(saved.Events[0].Id, "the database numbers the bulk event and the entity learns its number");
        var savedRow = await RowAsync("Leads", "Id", saved.Id);
        var bulkRow = await RowAsync("Leads", "Id", bulk.Id);
        bulkRow.ShouldBe(savedRow.Select(c => c.Key switch
        {
            "Id" => KeyValuePair.Create(c.Key, SwapId(c.Value, saved, bulk)),
            "Email" or "ExternalId" or "FirstName" => KeyValuePair.Create(c.Key, bulkRow[c.Key]),
            _ => c,
        }).ToDictionary());
        bulkRow["Email"].ShouldBe("String:bulk@example.com");
        bulkRow["CreatedAt"].ShouldStartWith("Int64:", customMessage: "times are stored as UTC ticks, as a save stores them");

        var savedEvent = await RowAsync("LeadEvents", "LeadId", saved.Id);
        var bulkEvent = await RowAsync("LeadEvents", "LeadId", bulk.Id);
        bulkEvent.Where(c => c.Key != "Id").ShouldBe(savedEvent.Where(c => c.Key != "Id").Select(c => c.Key == "LeadId"
            ? KeyValuePair.Create(c.Key, SwapId(c.Value, saved, bulk))
            : c));

        await using var read = await ContextAsync();
        (await read.Leads.Include(l => l.Events).SingleAsync(l => l.Email == "bulk@example.com", Ct)).Events.Single().Type.ShouldBe(LeadEventType.Created);
    }

    [Fact]
    public async Task Hundreds_of_leads_written_in_bulk_are_all_stored_and_each_event_learns_its_own_number()
    {
        var leads = Enumerable.Range(0, 250).Select(i => NewLead($"many{i}")).ToList();
        var events = leads.SelectMany(l => l.Events).ToList();
        await using (var db = await ContextAsync())
        {
            await using var write = await db.BeginWriteAsync(Ct);
            await db.InsertManyAsync(leads, Ct);
            await db.InsertManyAsync(events, Ct);
            await write.CommitAsync(Ct);
        }

        await using var read = await ContextAsync();
        var stored = await read.LeadEvents.Where(e => e.Type == LeadEventType.Created).ToDictionaryAsync(e => e.Id, e => e.LeadId, Ct);
        events.Select(e => e.Id).Distinct().Count().ShouldBe(250);
        events.ShouldAllBe(e => stored[e.Id] == e.LeadId);
        (await read.Leads.CountAsync(l => l.Email.StartsWith("many"), Ct)).ShouldBe(250);
    }

    [Fact]
    public async Task Nothing_written_in_bulk_stays_when_the_transaction_is_not_committed()
    {
        var lead = NewLead("uncommitted");
        await using (var db = await ContextAsync())
        {
            await using var write = await db.BeginWriteAsync(Ct);
            await db.InsertManyAsync([lead], Ct);
        }

        await using var read = await ContextAsync();
        (await read.Leads.AnyAsync(l => l.Id == lead.Id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_bulk_insert_outside_a_transaction_is_refused()
    {
        await using var db = await ContextAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => db.InsertManyAsync([NewLead("loose")], Ct));
    }

    // The saved lead's row with the bulk lead's id in place of its own, written in the same letter case.
    private static string SwapId(string value, Lead saved, Lead bulk) => value
        .Replace(saved.Id.ToString().ToUpperInvariant(), bulk.Id.ToString().ToUpperInvariant(), StringComparison.Ordinal)
        .Replace(saved.Id.ToString(), bulk.Id.ToString(), StringComparison.Ordinal);

    private static Lead NewLead(string name)
    {
        var at = new DateTimeOffset(2026, 11, 20, 15, 30, 12, TimeSpan.FromHours(-5)).AddTicks(1234);
        var lead = new Lead
        {
            ExternalId = $"ext-{name}",
            Email = $"{name}@example.com",
            FirstName = name,
            LastName = "Lovelace",
            Company = "Analytical Engines",
            Title = "CTO",
            CompanySize = 250,
            Country = "GB",
            EngagementScore = 42,
            Stage = LeadStage.Mql,
            IsMql = true,
            Score = 80,
            Grade = "A",
            Amount = 1234.56m,
            QualificationJson = "{\"verdict\":\"mql\"}",
            CreatedAt = at,
            CreatedBy = "marketing@demo.test",
        };
        lead.RecordCreated(new Actor("user-1", "marketing@demo.test"), at, 1);
        return lead;
    }

    private Task<SmarketingDbContext> ContextAsync() =>
        _scope.ServiceProvider.GetRequiredService<IDbContextFactory<SmarketingDbContext>>().CreateDbContextAsync(Ct);

    // Each column as SQLite holds it: the type its storage class reads as, and its value, so a number stored as text would show.
    private async Task<Dictionary<string, string>> RowAsync(string table, string keyColumn, Guid key)
    {
        await using var db = await ContextAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{keyColumn}\" = upper(@key) OR \"{keyColumn}\" = @key";
        command.Parameters.AddWithValue("@key", key.ToString());
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue($"a row of {table} for {key}");
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(
            reader.GetName,
            i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetValue(i).GetType().Name}:{reader.GetValue(i)}");
    }
}
