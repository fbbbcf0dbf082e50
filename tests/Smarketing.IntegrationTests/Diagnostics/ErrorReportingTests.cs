using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Smarketing.Application.Common;
using Smarketing.Application.Users;

namespace Smarketing.IntegrationTests.Diagnostics;

/// <summary>
/// Errors people can report: an unexpected error reaches the caller as a title and a reference, never a stack trace
/// or a message from inside; the same reference is on the one error logged for it; a malformed request is the
/// caller's mistake, a 4xx and a warning without a stack trace.
/// </summary>
public sealed partial class ErrorReportingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task AnUnexpectedErrorInTheApi_AnswersOnlyATitleAndAReference_AndIsLoggedOnceWithIt(string environment)
    {
        await using var app = new DiagnosticsApp(environment, s => s.AddScoped(_ => Broken.Service<IUserAdministration>()));

        var response = await app.Client("demo-admin").GetAsync("/api/v1/users", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldNotContain("secret");
        text.ShouldNotContain("InvalidOperationException");
        text.ShouldNotContain("Smarketing.");
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("title").GetString().ShouldBe("Something went wrong on our side.");
        body.GetProperty("status").GetInt32().ShouldBe(500);
        body.TryGetProperty("detail", out _).ShouldBeFalse();
        var reference = body.GetProperty("traceId").GetString()!;
        reference.ShouldMatch("^[0-9a-f]{32}$");

        var logged = app.Logs.AtLeast(LogEventLevel.Error).ShouldHaveSingleItem();
        logged.Exception!.Message.ShouldBe(Broken.Secret);
        logged.Properties["CorrelationId"].ToString().Trim('"').ShouldBe(reference);
        logged.TraceId!.Value.ToHexString().ShouldBe(reference);
    }

    [Fact]
    public async Task AnUnexpectedErrorOnAPage_ShowsTheFriendlyErrorPage_WithTheReferenceThatWasLogged()
    {
        await using var app = new DiagnosticsApp("Production", s =>
        {
            s.AddScoped(_ => SomeoneSignedIn.As<ICurrentUser>());
            s.AddScoped(_ => Broken.Service<IUserPreferenceStore>());
        });

        var response = await app.Client().GetAsync("/not-found", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var page = await response.Content.ReadAsStringAsync(Ct);
        page.ShouldContain("Something went wrong");
        page.ShouldContain("send this reference to your administrator");
        page.ShouldNotContain("secret");
        page.ShouldNotContain("InvalidOperationException");
        var reference = Reference().Match(page).Groups[1].Value;
        reference.ShouldMatch("^[0-9a-f]{32}$");
        var logged = app.Logs.AtLeast(LogEventLevel.Error).ShouldHaveSingleItem();
        logged.Exception!.Message.ShouldBe(Broken.Secret);
        logged.Properties["CorrelationId"].ToString().Trim('"').ShouldBe(reference);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task AMalformedJsonBody_IsA400_AndAWarningWithoutAStackTrace_NotAnError(string environment)
    {
        await using var app = new DiagnosticsApp(environment);

        var response = await app.Client("demo-marketing").PostAsync("/api/v1/leads",
            new StringContent("{\"email\": \"ada@example.com\", \"firstName\": ", System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("   at ");
        app.Logs.AtLeast(LogEventLevel.Error).ShouldBeEmpty();
        var warning = app.Logs.Events.Where(e => e.Level == LogEventLevel.Warning).ShouldHaveSingleItem();
        warning.Exception.ShouldBeNull();
        warning.RenderMessage().ShouldContain("POST /api/v1/leads");
    }

    [GeneratedRegex("data-testid=\"error-reference\">([^<]*)<")]
    private static partial Regex Reference();
}
