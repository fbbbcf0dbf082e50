using System.Net.Http.Json;
using System.Text.Json;
using Smarketing.EndToEnd.Infrastructure;

namespace Smarketing.EndToEnd.Leads;

/// <summary>Sets up leads through the JSON API with the demo users' keys, so a browser test starts where it means to.</summary>
internal sealed class LeadApi(SmarketingApp app)
{
    public const string Marketing = "demo-marketing";

    /// <summary>A lead that meets the demo lead definition: fits (600 employees, US) and scores 115 of the 60 points needed, grade A.</summary>
    public static Dictionary<string, object?> Qualifying(string firstName, string lastName, string company) => new()
    {
        ["email"] = UniqueEmail(firstName),
        ["firstName"] = firstName,
        ["lastName"] = lastName,
        ["company"] = company,
        ["title"] = "IT Director",
        ["companySize"] = 600,
        ["industry"] = "Software",
        ["country"] = "US",
        ["source"] = "Demo request",
        ["engagementScore"] = 40,
    };

    /// <summary>A lead that is not an MQL: it fails the country fit rule (the demo agreement wants US or CA).</summary>
    public static Dictionary<string, object?> NotQualifying(string firstName, string lastName, string company)
    {
        var lead = Qualifying(firstName, lastName, company);
        lead["country"] = "DE";
        return lead;
    }

    public static string UniqueEmail(string name) => $"{name.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}@e2e.example";

    public async Task<Guid> CreateAsync(Dictionary<string, object?> lead)
    {
        var body = await SendAsync(Marketing, "/api/v1/leads", lead);
        return body.GetProperty("id").GetGuid();
    }

    public Task HandOffAsync(Guid id, string? overrideReason = null) =>
        SendAsync(Marketing, $"/api/v1/leads/{id}/handoff", new { overrideReason });

    public Task ClaimAsync(Guid id, string repKey) => SendAsync(repKey, $"/api/v1/leads/{id}/claim", new { });

    /// <summary>A transition without a body (accept, convert) as a rep.</summary>
    public Task MoveAsync(Guid id, string action, string repKey) => SendAsync(repKey, $"/api/v1/leads/{id}/{action}", new { });

    public Task RejectAsync(Guid id, string repKey, string reason = "No budget") =>
        SendAsync(repKey, $"/api/v1/leads/{id}/reject", new { reason });

    /// <summary>A lead waiting in the sales pool.</summary>
    public async Task<Guid> HandedOffAsync(Dictionary<string, object?> lead)
    {
        var id = await CreateAsync(lead);
        await HandOffAsync(id);
        return id;
    }

    public async Task<JsonElement> GetAsync(Guid id)
    {
        using var api = Client(Marketing);
        return await api.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{id}", TestContext.Current.CancellationToken);
    }

    private async Task<JsonElement> SendAsync(string key, string path, object body)
    {
        using var api = Client(key);
        using var response = await api.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {path} as {key} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private HttpClient Client(string key)
    {
        var api = app.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", key);
        return api;
    }
}
