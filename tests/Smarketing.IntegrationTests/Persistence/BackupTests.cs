using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Smarketing.IntegrationTests.Support;
using Smarketing.Web.Operations;

namespace Smarketing.IntegrationTests.Persistence;

/// <summary>
/// The online backup: taken while leads are being written, it is one consistent moment of the database, passes SQLite's
/// integrity check, and the app restored from it starts and serves the data it holds.
/// </summary>
public sealed class BackupTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("smarketing-backup-").FullName;

    [Fact]
    public async Task ABackupTakenWhileLeadsAreWritten_IsConsistent_AndTheRestoredAppServesItsData()
    {
        var marketing = app.ApiClient("demo-marketing");
        var writtenBeforeBackup = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            writtenBeforeBackup.Add(await CreateLeadAsync(marketing));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var writer = Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested)
            {
                await CreateLeadAsync(marketing);
                written++;
            }

            return written;
        }, Ct);
        await Task.Delay(300, Ct);

        var target = Path.Combine(_folder, "smarketing-backup.db");
        var output = new StringWriter();
        var exitCode = await BackupCommand.RunAsync(["backup", target, $"--ConnectionStrings:Smarketing={app.ConnectionString}"], output, output, Ct);
        await Task.Delay(300, Ct);
        await stop.CancelAsync();
        var writtenMeanwhile = await writer;

        exitCode.ShouldBe(0, output.ToString());
        output.ToString().ShouldStartWith($"Backed up the database to {target} (");
        writtenMeanwhile.ShouldBeGreaterThan(0);
        File.Exists(target + ".partial").ShouldBeFalse();
        Scalar(target, "PRAGMA integrity_check;").ShouldBe("ok");
        Scalar(target, "PRAGMA journal_mode;").ShouldBe("delete");
        var leadsInBackup = Convert.ToInt32(Scalar(target, "SELECT COUNT(*) FROM Leads;"));
        await using (var live = app.OpenDatabase())
        {
            leadsInBackup.ShouldBeLessThanOrEqualTo(await live.Leads.CountAsync(Ct));
        }

        // One moment of the database: no lead without the event that created it, and no event without its lead.
        Scalar(target, "SELECT COUNT(*) FROM Leads l WHERE NOT EXISTS (SELECT 1 FROM LeadEvents e WHERE e.LeadId = l.Id);").ShouldBe("0");
        Scalar(target, "SELECT COUNT(*) FROM LeadEvents e WHERE NOT EXISTS (SELECT 1 FROM Leads l WHERE l.Id = e.LeadId);").ShouldBe("0");

        // The restore procedure: the app stopped, the backup copied into the database's place, the app started on it.
        var restoredPath = Path.Combine(_folder, "restored.db");
        File.Copy(target, restoredPath);
        await using var restored = new RestoredApp($"Data Source={restoredPath}");
        var client = restored.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-marketing");
        foreach (var externalId in writtenBeforeBackup)
        {
            var found = await client.GetFromJsonAsync<LeadPage>($"/api/v1/leads?externalId={externalId}", Ct);
            found!.Total.ShouldBe(1, externalId);
        }

        (await client.GetFromJsonAsync<LeadPage>("/api/v1/leads?pageSize=1", Ct))!.Total.ShouldBe(leadsInBackup);
    }

    [Fact]
    public async Task ABackup_NeverOverwritesAFile_AndSaysHowToUseTheCommand()
    {
        app.StartServer();
        var existing = Path.Combine(_folder, "existing.db");
        await File.WriteAllTextAsync(existing, "an older backup", Ct);
        var output = new StringWriter();

        (await BackupCommand.RunAsync(["backup", existing, $"--ConnectionStrings:Smarketing={app.ConnectionString}"], output, output, Ct)).ShouldBe(1);
        output.ToString().ShouldBe($"Backup failed: {existing} already exists; a backup never overwrites a file. Choose a new name.{Environment.NewLine}");
        (await File.ReadAllTextAsync(existing, Ct)).ShouldBe("an older backup");

        var usage = new StringWriter();
        (await BackupCommand.RunAsync(["backup"], usage, usage, Ct)).ShouldBe(2);
        usage.ToString().ShouldStartWith("Usage: Smarketing.Web backup <file>");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<string> CreateLeadAsync(HttpClient client)
    {
        var externalId = $"backup-{Guid.NewGuid():N}";
        var response = await client.PostAsJsonAsync("/api/v1/leads", new
        {
            externalId,
            email = Demo.UniqueEmail("backup"),
            firstName = "Ava",
            lastName = "Adams",
            company = "Northwind",
            title = "IT Director",
            companySize = 600,
            industry = "Software",
            country = "US",
            source = "Demo request",
            campaign = "Q3 webinar series",
            engagementScore = 40,
        }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return externalId;
    }

    private static string? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    private sealed record LeadPage(int Total);

    /// <summary>The app started on a restored file, with no demo seeding: all it serves came from the backup.</summary>
    private sealed class RestoredApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Smarketing", connectionString);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Demo:Seed", "false");
        }
    }
}
