using Smarketing.Application;
using Smarketing.Infrastructure;
using Smarketing.Infrastructure.Persistence;
using Smarketing.Web;
using Smarketing.Web.Api;
using Smarketing.Web.Api.OpenApi;
using Smarketing.Web.Auth;
using Smarketing.Web.Components;
using Smarketing.Web.Diagnostics;
using Smarketing.Web.Operations;
using Smarketing.Web.Security;

if (BackupCommand.IsRequested(args))
{
    Environment.ExitCode = await BackupCommand.RunAsync(args, Console.Out, Console.Error);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDiagnostics();

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddWeb()
    .AddApiDocs()
    .AddSecurity(builder.Configuration, builder.Environment);

var app = builder.Build();

await app.Services.InitializeDatabaseAsync();

app.UseSecurity();
app.UseDiagnostics();
if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}

app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseWhen(
    context => context.Request.Path.StartsWithSegments("/api"),
    api => api.UseStatusCodePages());

// Routing runs after the status-code pages, so a re-executed "/not-found" is routed to its page (with the routing the
// host adds at the start of the pipeline, the re-execution found no endpoint and answered an empty 404).
app.UseRouting();

app.UseAuthentication();
app.UseAuthorization();
app.UseApiInput();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapAccountEndpoints();
app.MapApiV1();
app.MapApiDocs();
app.MapReportExports();
app.MapLeadExport();
app.MapRazorComponents<App>()
    // The security headers' policy already says frame-ancestors 'none', on every response; Blazor's own
    // frame-ancestors 'self' would be a second policy beside it.
    .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        app.Logger.LogInformation("Smarketing is running at {Url}", url);
    }
});

await app.RunAsync();

/// <summary>Entry point, visible to the test hosts.</summary>
public partial class Program;
