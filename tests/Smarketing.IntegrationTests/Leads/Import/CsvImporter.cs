using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.Application.Leads.Import;
using Smarketing.Domain.Common;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads.Import;

/// <summary>A marketing manager going through the import's steps with the real service, as the page does.</summary>
internal sealed class CsvImporter(SmarketingAppFactory app, string who = Pipeline.Marketing)
{
    public async Task<Result<LeadCsvUpload>> ReadAsync(string text, string fileName = "leads.csv") => await ReadAsync(Encoding.UTF8.GetBytes(text), fileName);

    public async Task<Result<LeadCsvUpload>> ReadAsync(byte[] bytes, string fileName = "leads.csv", long? declaredSize = null)
    {
        await using var scope = await app.SignedInAsAsync(who);
        return await Service(scope).ReadAsync(fileName, new MemoryStream(bytes), declaredSize ?? bytes.Length, Pipeline.Ct);
    }

    public async Task<Result<LeadImportPreview>> PreviewAsync(LeadCsvUpload upload, LeadColumnMapping? mapping = null, IProgress<IntakeProgress>? progress = null)
    {
        await using var scope = await app.SignedInAsAsync(who);
        return await Service(scope).PreviewAsync(upload, mapping ?? upload.Guessed, progress, Pipeline.Ct);
    }

    public async Task<Result<LeadImportSummary>> ImportAsync(LeadImportPreview preview, LeadImportMode mode, IProgress<IntakeProgress>? progress = null)
    {
        await using var scope = await app.SignedInAsAsync(who);
        return await Service(scope).ImportAsync(preview, mode, progress, Pipeline.Ct);
    }

    /// <summary>Read, preview with the guessed mapping: the preview, failing the test if either step refuses.</summary>
    public async Task<LeadImportPreview> PreviewTextAsync(string text)
    {
        var upload = await ReadAsync(text);
        upload.Succeeded.ShouldBeTrue(Said(upload));
        var preview = await PreviewAsync(upload.Value);
        preview.Succeeded.ShouldBeTrue(Said(preview));
        return preview.Value;
    }

    /// <summary>What the person is told: the messages of a refused input, or the one message of any other failure.</summary>
    public static string Said(Result result) => result.Errors.Count > 0 ? string.Join(" ", result.Errors.SelectMany(e => e.Value)) : result.Message ?? "";

    private static LeadCsvImport Service(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<LeadCsvImport>();
}
