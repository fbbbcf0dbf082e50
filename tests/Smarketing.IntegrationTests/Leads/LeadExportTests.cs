using System.Net;
using System.Text;
using Smarketing.Application.Leads;
using Smarketing.IntegrationTests.Security;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>
/// GET /leads/export.csv, behind the lead list's Export CSV button: one row per event with its lead's fields, only the
/// leads the list's filter shows, cells a spreadsheet would run as formulas neutralised, for marketing managers only.
/// </summary>
public sealed class LeadExportTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private const string Marketing = "marketing@demo.test";

    private async Task<BrowserClient> SignedInAsync(string email)
    {
        var browser = app.Browser();
        await browser.SignInOrFailAsync(email, Demo.Password);
        return browser;
    }

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => header.Zip(Cells(line)).ToDictionary(p => p.First, p => p.Second))];
    }

    // Enough of RFC 4180 for these files: quoted cells with doubled quotes.
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    [Fact]
    public async Task The_export_has_a_row_per_event_of_each_lead_the_filter_shows_and_no_other_lead()
    {
        var company = $"Exportco {Guid.NewGuid():N}";
        var mql = Pipeline.Mql();
        mql.Company = company;
        var handedOff = await Pipeline.CreateAsync(app, mql);
        await Pipeline.HandOffAsync(app, handedOff.Lead.Id);
        var stillNew = Pipeline.Mql();
        stillNew.Company = company;
        stillNew.Country = "DE";
        await Pipeline.CreateAsync(app, stillNew);
        using var browser = await SignedInAsync(Marketing);

        var response = await browser.Http.GetAsync($"/leads/export.csv?search={Uri.EscapeDataString(company)}&stage=HandedOff", Pipeline.Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar!.ShouldMatch(@"^leads-\d{4}-\d{2}-\d{2}\.csv$");
        var bytes = await response.Content.ReadAsByteArrayAsync(Pipeline.Ct);
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "a byte-order mark, so spreadsheets read accents");
        var csv = Encoding.UTF8.GetString(bytes.AsSpan(3));
        csv.Split("\r\n")[0].ShouldBe(string.Join(',', LeadExport.Header));
        var rows = Rows(csv);
        rows.Select(r => r["lead_id"]).Distinct().ShouldBe([handedOff.Lead.Id.ToString()]);
        rows.Select(r => r["event"]).ShouldBe(["Created", "HandedOff"]);
        rows.ShouldAllBe(r => r["company"] == company && r["stage"] == "Handed off" && r["email"] == handedOff.Lead.Email);
        rows[1]["event_from_stage"].ShouldBe("MQL");
        rows[1]["event_at"].ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", "ISO-8601 with the offset of the reader's zone");
        DateTimeOffset.Parse(rows[1]["event_at"], System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(handedOff.Lead.CreatedAt, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Text_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        var company = $"=HYPERLINK(\"http://evil.example\",\"{Guid.NewGuid():N}\")";
        var lead = Pipeline.Mql();
        lead.Company = company;
        lead.FirstName = "@SUM(A1:A9)";
        lead.LastName = "+1-555";
        lead.Title = "-2+3";
        await Pipeline.CreateAsync(app, lead);
        using var browser = await SignedInAsync(Marketing);

        var csv = await browser.Http.GetStringAsync($"/leads/export.csv?search={Uri.EscapeDataString(company)}", Pipeline.Ct);

        var row = Rows(csv.TrimStart('\uFEFF')).ShouldHaveSingleItem();
        row["company"].ShouldBe("'" + company);
        row["first_name"].ShouldBe("'@SUM(A1:A9)");
        row["last_name"].ShouldBe("'+1-555");
        row["title"].ShouldBe("'-2+3");
        row["company_size"].ShouldBe("600");
    }

    [Theory]
    [InlineData(Demo.Rep1)]
    [InlineData(Demo.Leadership)]
    [InlineData(Demo.SalesManager)]
    public async Task Someone_who_may_not_read_the_lead_list_gets_no_file(string email)
    {
        using var browser = await SignedInAsync(email);

        var response = await browser.Http.GetAsync("/leads/export.csv", Pipeline.Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/csv");
    }

    [Fact]
    public async Task Someone_signed_out_is_asked_to_sign_in_and_gets_no_file()
    {
        using var browser = app.Browser();

        var response = await browser.Http.GetAsync("/leads/export.csv", Pipeline.Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task An_unknown_stage_is_a_400_naming_it()
    {
        using var browser = await SignedInAsync(Marketing);

        var problem = await (await browser.Http.GetAsync("/leads/export.csv?stage=sleeping", Pipeline.Ct)).ProblemAsync(400);

        problem.GetProperty("errors").GetProperty("stage")[0].GetString()!.ShouldStartWith("Unknown stage 'sleeping'.");
    }
}
