using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Smarketing.EndToEnd.Infrastructure;

/// <summary>The real Smarketing app, in Development with demo data, on its own SQLite file.</summary>
internal sealed class SmarketingWebFactory(string connectionString, ServerLog serverLog, Action<IServiceCollection>? testServices = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Smarketing", connectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Demo:Seed", "true");
        // Every test signs in from 127.0.0.1, many times a minute.
        builder.UseSetting("RateLimiting:ApiRequestsPerMinute", "0");
        builder.UseSetting("RateLimiting:SignInAttemptsPerMinute", "0");
        builder.ConfigureLogging(logging => logging.AddProvider(serverLog));
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }
}
