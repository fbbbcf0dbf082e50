using System.Globalization;
using System.Text;

namespace Smarketing.Benchmarks;

/// <summary>
/// A HubSpot-style contact export of generated leads for the import benchmark: 1 row in 50 repeats an earlier row's
/// email (merged), 1 in 100 repeats an earlier row's record id (merged), 1 in 200 names a lead already stored (merged
/// into it), 1 in 100 has a bad email and 1 in 250 a company size that is not a number (both rejected).
/// </summary>
internal static class CsvImportFile
{
    public const string Header = "Record ID,First Name,Last Name,Email,Company Name,Job Title,Number of Employees,Industry,Country/Region,Original Source,Campaign,HubSpot Score,Lifecycle Stage";

    private static readonly string[] FirstNames = ["Ava", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"];
    private static readonly string[] LastNames = ["Adams", "Brooks", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes"];
    private static readonly string[] Companies = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Wingtip"];
    private static readonly string[] Titles = ["IT Director", "Head of IT", "Operations Manager", "Founder", "CTO", "Analyst"];
    private static readonly string[] Industries = ["Software", "Financial services", "Manufacturing", "Retail"];
    private static readonly string[] Sources = ["Demo request", "Webinar", "Content download", "Trade show"];
    private static readonly int[] Sizes = [12, 35, 60, 120, 250, 600, 1500, 4000];

    /// <summary>The file's bytes (UTF-8) and its cells row by row, for the reference to insert the same values.</summary>
    public static (byte[] Bytes, List<string[]> Rows) Generate(int count, IReadOnlyList<string> storedEmails)
    {
        var random = new Random(20261207);
        var rows = new List<string[]>(count);
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < count; i++)
        {
            var company = Companies[random.Next(Companies.Length)];
            var id = i % 100 == 99 ? $"hs-{i - 50}" : $"hs-{i}";
            var email = i % 50 == 49 ? $"lead{i - 7}@{company.ToLowerInvariant()}.import.example"
                : i % 200 == 101 && storedEmails.Count > 0 ? storedEmails[i / 200 % storedEmails.Count]
                : i % 100 == 33 ? $"lead{i} at {company}"
                : $"lead{i}@{company.ToLowerInvariant()}.import.example";
            var size = i % 250 == 17 ? "about fifty" : Sizes[random.Next(Sizes.Length)].ToString(CultureInfo.InvariantCulture);
            string[] cells =
            [
                id, FirstNames[random.Next(FirstNames.Length)], LastNames[random.Next(LastNames.Length)], email, company,
                Titles[random.Next(Titles.Length)], size, Industries[random.Next(Industries.Length)], random.Next(5) == 0 ? "GB" : "US",
                Sources[random.Next(Sources.Length)], "Q4 import", random.Next(0, 60).ToString(CultureInfo.InvariantCulture), "lead",
            ];
            rows.Add(cells);
            text.AppendJoin(',', cells).Append('\n');
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), rows);
    }
}
