using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Infrastructure.Persistence;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Persistence;

/// <summary>The app builds its database from the committed migrations, and the model has none left to write.</summary>
public sealed class MigrationTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDatabase_IsBuiltByEveryCommittedMigration()
    {
        _ = app.Services; // starts the app, which migrates at start-up
        await using var db = app.OpenDatabase();

        var committed = db.Database.GetMigrations().ToList();
        committed.ShouldNotBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(Ct)).ShouldBe(committed);
        (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();

        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{HistoryRepository.DefaultTableName}\"";
        Convert.ToInt32(await command.ExecuteScalarAsync(Ct)).ShouldBe(committed.Count);
    }

    [Fact]
    public void TheModel_HasNoChangesWithoutAMigration()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SmarketingDbContext>();

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "the model differs from the last migration's snapshot: run scripts/ef.sh migrations add <Name>");
    }
}
