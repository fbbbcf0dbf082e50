using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Diagnostics;

/// <summary>The app in a chosen environment, with every log event it writes kept in <see cref="Logs"/> and some services swapped.</summary>
public sealed class DiagnosticsApp(string environment, Action<IServiceCollection>? services = null, IDictionary<string, string>? settings = null)
    : SmarketingAppFactory
{
    public LogCapture Logs { get; } = new();

    /// <summary>A client on https, as a browser behind the TLS proxy would come, that doesn't follow redirects.</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(s =>
        {
            s.AddSingleton<ILogEventSink>(Logs);
            services?.Invoke(s);
        });
    }
}

public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToList();

    public IReadOnlyList<LogEvent> AtLeast(LogEventLevel level) => Events.Where(e => e.Level >= level).ToList();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}

/// <summary>A stand-in for a service whose every member throws: a bug deep inside, as far as the caller can tell.</summary>
public class Broken : DispatchProxy
{
    public const string Secret = "secret internal detail: Data Source=/srv/smarketing/private.db";

    public static T Service<T>() where T : class => Create<T, Broken>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new InvalidOperationException(Secret);
}

/// <summary>Someone signed in, as far as the services can tell.</summary>
public class SomeoneSignedIn : DispatchProxy
{
    public static T As<T>() where T : class => Create<T, SomeoneSignedIn>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_UserId" => "someone",
        "get_Email" or "get_DisplayName" => "someone@example.test",
        "get_IsAuthenticated" => true,
        _ => targetMethod?.ReturnType == typeof(bool) ? false : null,
    };
}
