using System.Net;
using System.Text.RegularExpressions;

namespace Smarketing.IntegrationTests.Security;

/// <summary>What a browser does with Smarketing's sign-in form and sign-out button, over plain HTTP.</summary>
public sealed partial class BrowserClient(HttpClient http) : IDisposable
{
    public const string CookieName = "smarketing.auth";

    public HttpClient Http => http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Posts the sign-in form (with the token the page gave) and answers the response.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var token = await AntiforgeryTokenAsync();
        return await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }), Ct);
    }

    public async Task SignInOrFailAsync(string email, string password)
    {
        var response = await SignInAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email} should redirect to the app; the page said: {ErrorOn(await response.Content.ReadAsStringAsync(Ct))}");
    }

    /// <summary>Presses Sign out: posts the form with the token a Smarketing page gave, with the given request headers.</summary>
    public async Task<HttpResponseMessage> SignOutAsync(bool withToken = true, params (string Name, string Value)[] headers)
    {
        var fields = new Dictionary<string, string>();
        if (withToken)
        {
            fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout") { Content = new FormUrlEncodedContent(fields) };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await http.SendAsync(request, Ct);
    }

    /// <summary>True when the home page opens; false when the app sends the browser to sign in.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        using var response = await http.GetAsync("/", Ct);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location!.ToString().Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw new ShouldAssertException($"GET / answered {(int)response.StatusCode} {response.Headers.Location}"),
        };
    }

    /// <summary>The sign-in cookie as the browser would send it, to copy into another client.</summary>
    public string SignInCookie(HttpResponseMessage signInResponse) =>
        signInResponse.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));

    /// <summary>The error the sign-in page shows, or null.</summary>
    public static string? ErrorOn(string html) =>
        LoginError().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : null;

    public void Dispose() => http.Dispose();

    // The sign-in page is open to everyone and renders a token for whoever asks, signed in or not.
    private async Task<string> AntiforgeryTokenAsync()
    {
        var html = await http.GetStringAsync("/Account/Login", Ct);
        return AntiforgeryField().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new ShouldAssertException("The sign-in page has no antiforgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-testid=\"login-error\"[^>]*>([^<]*)<")]
    private static partial Regex LoginError();
}
