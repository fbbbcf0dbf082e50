using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;
using Smarketing.Domain.Notifications;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.IntegrationTests.Persistence;

/// <summary>SQLite compares stored instants as instants, whatever offset they were written with, and old files are converted by the migrations.</summary>
public sealed class TimestampStorageTests : IDisposable
{
    private static readonly DateTimeOffset TenInNewYork = new(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(-5)); // 15:00 UTC
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"smarketing-timestamps-{Guid.NewGuid():N}.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnInstantWrittenInNewYorkTime_ComparesInSql_WithOneWrittenInUtc()
    {
        await using var db = Open();
        await db.Database.MigrateAsync(Ct);
        db.Notifications.Add(Notification("written in New York time", TenInNewYork));
        await db.SaveChangesAsync(Ct);

        // 14:00 UTC is an hour before 10:00 in New York; as wall clocks, 14:00 would look four hours after it.
        var earlier = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);
        (await db.Notifications.CountAsync(n => n.CreatedAt > earlier, Ct)).ShouldBe(1);
        (await db.Notifications.CountAsync(n => n.CreatedAt == TenInNewYork.ToUniversalTime(), Ct)).ShouldBe(1);
        (await db.Notifications.SingleAsync(Ct)).CreatedAt.ShouldBe(TenInNewYork);
    }

    [Fact]
    public async Task AFileWrittenByEarlierVersions_HasItsInstantsConverted_WhenMigrated()
    {
        await using var db = Open();
        await db.GetService<IMigrator>().MigrateAsync("20261122061148_SlaTimersAndNotifications", Ct);

        // EF's binary form, as the earlier versions wrote it: local ticks / 1000 << 11, offset minutes in the low 11 bits.
        var old = ((TenInNewYork.Ticks / 1000) << 11) | ((long)TenInNewYork.Offset.TotalMinutes & 0x7FF);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO Notifications (UserId, Kind, Title, Body, CreatedAt) VALUES ('u', 'Breached', 'old', 'old', {old})", Ct);

        await db.Database.MigrateAsync(Ct);

        var stored = await db.Notifications.AsNoTracking().SingleAsync(Ct);
        stored.CreatedAt.ShouldBe(TenInNewYork);
        stored.ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task AFileWrittenByEarlierVersions_HasItsContactedFirstContactsMarked_AndOnesEndedByASecondHandOffLeftUncontacted()
    {
        await using var db = Open();
        await db.GetService<IMigrator>().MigrateAsync("20261122063838_DateTimeOffsetsAsUtcTicks", Ct);
        var handOff = TenInNewYork;
        // The lead, its events and its timers as that version's tables held them (later migrations add columns), instants
        // as UTC ticks. Cycle 1 ended by a second hand-off at 11:00 with no contact; cycle 2 stopped by a call logged at
        // 12:30 that happened at 12:00.
        var lead = Guid.NewGuid();
        var (created, second, logged, called) = (handOff.UtcTicks, handOff.AddHours(1).UtcTicks, handOff.AddHours(2.5).UtcTicks, handOff.AddHours(2).UtcTicks);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO Leads (Id, Email, FirstName, LastName, Company, EngagementScore, Stage, IsMql, Score, ContactAttempts, Revision, CreatedAt, UpdatedAt)
            VALUES ({lead}, 'ada@example.com', 'Ada', 'Lovelace', 'Analytical Engines', 0, 'HandedOff', 0, 0, 1, 0, {created}, {created})
            """, Ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO LeadEvents (LeadId, Type, At, OccurredAt) VALUES
                ({lead}, 'HandedOff', {created}, NULL), ({lead}, 'HandedOff', {second}, NULL), ({lead}, 'ContactAttempt', {logged}, {called})
            """, Ct);
        await InsertFirstContactAsync(db, lead, cycle: 1, started: handOff, stopped: handOff.AddHours(1));
        await InsertFirstContactAsync(db, lead, cycle: 2, started: handOff.AddHours(1), stopped: handOff.AddHours(2));

        await db.Database.MigrateAsync(Ct);

        var timers = await db.SlaTimers.AsNoTracking().OrderBy(t => t.Cycle).ToListAsync(Ct);
        timers.Select(t => (t.Cycle, t.AttemptsMade, t.EndedWithoutContact)).ShouldBe([(1, 0, true), (2, 1, false)]);
    }

    private static Task InsertFirstContactAsync(SmarketingDbContext db, Guid lead, int cycle, DateTimeOffset started, DateTimeOffset stopped)
    {
        var (id, start, atRisk, due, stop) = (Guid.NewGuid(), started.UtcTicks, started.AddHours(3).UtcTicks, started.AddHours(4).UtcTicks, stopped.UtcTicks);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO SlaTimers (Id, LeadId, Cycle, Kind, Clause, SlaVersion, RuleName, BudgetBusinessMinutes, RequiredAttempts,
                AttemptsMade, StartedAt, AtRiskAt, DueAt, StoppedAt, Status, BusinessMinutesElapsed)
            VALUES ({id}, {lead}, {cycle}, 'FirstContact', 'First contact within 4 business hours', 1, 'A-leads', 240, 1,
                0, {start}, {atRisk}, {due}, {stop}, 'Met', 60)
            """, Ct);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(path);
        }
    }

    private SmarketingDbContext Open() =>
        new(new DbContextOptionsBuilder<SmarketingDbContext>().UseSqlite($"Data Source={_path}").Options);

    private static Notification Notification(string title, DateTimeOffset at) =>
        new() { UserId = "u", Kind = NotificationKind.Breached, Title = title, Body = title, CreatedAt = at };
}
