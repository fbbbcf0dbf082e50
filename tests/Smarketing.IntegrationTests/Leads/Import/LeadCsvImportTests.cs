using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Leads;
using Smarketing.Application.Leads.Import;
using Smarketing.Domain.Common;
using Smarketing.IntegrationTests.Api;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads.Import;

/// <summary>
/// A marketing manager imports a CRM export: the preview tells each row's fate without writing, duplicates in the file
/// and against stored leads are merged as the batch API merges them, and the choice between all or nothing and the
/// valid rows decides what is written and what comes back as a CSV of rejected rows.
/// </summary>
public sealed class LeadCsvImportTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private const string HubSpotHeader = "Record ID,First Name,Last Name,Email,Company Name,Job Title,Number of Employees,Industry,Country/Region,Original Source,Lifecycle Stage\n";

    private readonly CsvImporter _importer = new(app);

    private static string Unique(string what) => $"{what}-{Guid.NewGuid():N}";

    private static string Row(string id, string email, string title = "IT Director", string size = "600", string first = "Ava") =>
        $"{id},{first},Adams,{email},Northwind,{title},{size},Software,US,Demo request,lead\n";

    [Fact]
    public async Task All_or_nothing_writes_nothing_when_a_row_became_invalid_between_the_preview_and_the_import()
    {
        var (fine, taken, named) = (Demo.UniqueEmail("fine"), Demo.UniqueEmail("taken"), Unique("named"));
        var preview = await _importer.PreviewTextAsync(HubSpotHeader + Row(Unique("hs"), fine) + Row(named, taken));
        preview.Rejected.ShouldBe(0);

        // Meanwhile someone stores the row's external id on one lead and its email on another.
        await Pipeline.CreateAsync(app, Pipeline.Mql(externalId: named, email: Demo.UniqueEmail("elsewhere")));
        await Pipeline.CreateAsync(app, Pipeline.Mql(email: taken));
        var imported = await _importer.ImportAsync(preview, LeadImportMode.AllOrNothing);

        CsvImporter.Said(imported).ShouldBe("1 of 2 leads are invalid, so none was written. Correct them and send all of them again.");
        await using var db = app.OpenDatabase();
        (await db.Leads.AnyAsync(l => l.Email == fine, Pipeline.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_HubSpot_export_imports_as_leads_with_every_mapped_field_and_a_qualification()
    {
        var id = Unique("hs");
        var email = Demo.UniqueEmail("hubspot");
        var preview = await _importer.PreviewTextAsync(HubSpotHeader + Row(id, email));

        var summary = (await _importer.ImportAsync(preview, LeadImportMode.AllOrNothing)).Value;

        (summary.Created, summary.Updated, summary.Merged, summary.Rejected, summary.RejectedCsv).ShouldBe((1, 0, 0, 0, null));
        await using var db = app.OpenDatabase();
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.ExternalId == id, Pipeline.Ct);
        (lead.Email, lead.FirstName, lead.LastName, lead.Company, lead.Title, lead.CompanySize, lead.Industry, lead.Country, lead.Source)
            .ShouldBe((email, "Ava", "Adams", "Northwind", "IT Director", (int?)600, "Software", "US", "Demo request"));
        lead.QualificationJson.ShouldNotBeNull();
        summary.Leads.ShouldBe([new ImportedLead(lead.Id, "Ava Adams", email, LeadRowFate.Created)]);
    }

    [Fact]
    public async Task The_preview_tells_each_rows_fate_and_writes_nothing()
    {
        var stored = await Pipeline.CreateAsync(app, Pipeline.Mql(externalId: Unique("stored")));
        var storedByEmail = await Pipeline.CreateAsync(app);
        var fresh = Demo.UniqueEmail("fresh");
        var freshId = Unique("hs");
        var before = await DatabaseFingerprint.TakeAsync(app.DatabasePath, Pipeline.Ct);

        var preview = await _importer.PreviewTextAsync(HubSpotHeader
            + Row(freshId, fresh)
            + Row(Unique("hs"), fresh.ToUpperInvariant(), title: "CTO")
            + Row(freshId, fresh, title: "VP IT")
            + Row(stored.Lead.ExternalId!, stored.Lead.Email, title: "CIO")
            + Row(Unique("hs"), storedByEmail.Lead.Email)
            + Row(Unique("hs"), "not-an-email"));

        preview.Rows.Select(r => (r.Line, r.Fate)).ShouldBe([
            (2, LeadRowFate.Created), (3, LeadRowFate.Merged), (4, LeadRowFate.Merged), (5, LeadRowFate.Updated), (6, LeadRowFate.Merged), (7, LeadRowFate.Rejected),
        ]);
        preview.Rows[1].Messages.ShouldBe(["Same email as line 2: merged into the lead that row makes."]);
        preview.Rows[1].SameAsLine.ShouldBe(2);
        preview.Rows[2].Messages.ShouldBe(["Same external id as line 2: merged into the lead that row makes."]);
        preview.Rows[3].LeadId.ShouldBe(stored.Lead.Id);
        preview.Rows[3].Messages.Single().ShouldContain("CIO");
        preview.Rows[4].Messages.ShouldBe(["Same email as a lead already stored: merged into it."]);
        preview.Rows[4].LeadId.ShouldBe(storedByEmail.Lead.Id);
        preview.Rows[5].Messages.ShouldBe(["Email must be an address like name@company.com."]);
        DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(app.DatabasePath, Pipeline.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Duplicates_in_the_file_and_against_stored_leads_become_one_lead_each()
    {
        var stored = await Pipeline.CreateAsync(app);
        var fresh = Demo.UniqueEmail("twice");
        var preview = await _importer.PreviewTextAsync(HubSpotHeader
            + Row(Unique("hs"), fresh)
            + Row(Unique("hs"), fresh, title: "CTO")
            + Row(Unique("hs"), stored.Lead.Email, title: "CFO"));

        var summary = (await _importer.ImportAsync(preview, LeadImportMode.AllOrNothing)).Value;

        (summary.Created, summary.Merged).ShouldBe((1, 2));
        await using var db = app.OpenDatabase();
        (await db.Leads.CountAsync(l => l.Email == fresh, Pipeline.Ct)).ShouldBe(1);
        (await db.Leads.SingleAsync(l => l.Email == fresh, Pipeline.Ct)).Title.ShouldBe("CTO");
        (await db.Leads.SingleAsync(l => l.Email == stored.Lead.Email, Pipeline.Ct)).Title.ShouldBe("CFO");
    }

    [Fact]
    public async Task All_or_nothing_with_a_rejected_row_writes_nothing_and_says_how_many_rows_are_rejected()
    {
        var preview = await _importer.PreviewTextAsync(HubSpotHeader + Row(Unique("hs"), Demo.UniqueEmail("ok")) + Row(Unique("hs"), Demo.UniqueEmail("bad"), size: "lots"));
        var before = await DatabaseFingerprint.TakeAsync(app.DatabasePath, Pipeline.Ct);

        var imported = await _importer.ImportAsync(preview, LeadImportMode.AllOrNothing);

        imported.Kind.ShouldBe(ResultKind.Invalid);
        imported.Errors[LeadCsvImport.RowsField].ShouldBe([
            "1 of 2 rows are rejected, so nothing was imported. Correct them in the file and upload it again, or choose to import the valid rows and download the rejected ones.",
        ]);
        DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(app.DatabasePath, Pipeline.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Importing_the_valid_rows_writes_them_and_hands_back_the_rejected_rows_with_their_own_columns_and_a_reason()
    {
        var good = Demo.UniqueEmail("good");
        var goodId = Unique("hs");
        var text = HubSpotHeader
            + Row(goodId, good)
            + Row("r-2", "not-an-email", size: "\"1,5\"")
            + "r-3,Bob,Byron,bob@example.test,Acme,CTO,10\n"
            + Row("r-4", "", first: "=cmd()");
        var preview = await _importer.PreviewTextAsync(text);

        var summary = (await _importer.ImportAsync(preview, LeadImportMode.ValidRowsOnly)).Value;

        (summary.Created, summary.Rejected).ShouldBe((1, 3));
        summary.RejectedCsv.ShouldBe(
            "Record ID,First Name,Last Name,Email,Company Name,Job Title,Number of Employees,Industry,Country/Region,Original Source,Lifecycle Stage,reason\r\n"
            + "r-2,Ava,Adams,not-an-email,Northwind,IT Director,\"1,5\",Software,US,Demo request,lead,\"Line 3: Company size is \"\"1,5\"\", which is not a number: write a whole number, such as 250. Email must be an address like name@company.com.\"\r\n"
            + "r-3,Bob,Byron,bob@example.test,Acme,CTO,10,,,,,Line 4 has 7 cells where the header has 11. A value that holds a separator needs quotes around it.\r\n"
            + "r-4,'=cmd(),Adams,,Northwind,IT Director,600,Software,US,Demo request,lead,Line 5: Email is required.\r\n");
        await using var db = app.OpenDatabase();
        (await db.Leads.CountAsync(l => l.ExternalId == goodId, Pipeline.Ct)).ShouldBe(1);
        (await db.Leads.CountAsync(l => l.ExternalId == "r-2" || l.ExternalId == "r-3" || l.ExternalId == "r-4", Pipeline.Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_whose_every_row_is_rejected_imports_nothing_even_when_only_valid_rows_are_asked_for()
    {
        var preview = await _importer.PreviewTextAsync(HubSpotHeader + Row("x-1", "nobody"));

        var imported = await _importer.ImportAsync(preview, LeadImportMode.ValidRowsOnly);

        CsvImporter.Said(imported).ShouldContain("Every row of the file is rejected, so nothing was imported.");
    }

    [Fact]
    public async Task The_import_reports_its_progress_checking_rows_then_writing_them()
    {
        var text = HubSpotHeader + string.Concat(Enumerable.Range(0, 2500).Select(i => Row(Unique("p"), Demo.UniqueEmail($"p{i}"))));
        var preview = await _importer.PreviewTextAsync(text);
        var seen = new List<IntakeProgress>();

        (await _importer.ImportAsync(preview, LeadImportMode.AllOrNothing, new Recorder(seen))).Value.Created.ShouldBe(2500);

        seen.Select(p => p.Step).Distinct().ShouldBe(["Checking", "Saving"]);
        seen.Last().ShouldBe(new IntakeProgress("Saving", 2500, 2500));
    }

    [Fact]
    public async Task Someone_who_is_not_a_marketing_manager_cannot_import()
    {
        var rep = new CsvImporter(app, Demo.Rep1);

        var read = await rep.ReadAsync(HubSpotHeader + Row("x", Demo.UniqueEmail()));

        read.Kind.ShouldBe(ResultKind.Forbidden);
    }

    private sealed class Recorder(List<IntakeProgress> seen) : IProgress<IntakeProgress>
    {
        public void Report(IntakeProgress value) => seen.Add(value);
    }
}
