using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Smarketing.Infrastructure.Identity;

namespace Smarketing.EndToEnd.Infrastructure;

/// <summary>
/// Assembly fixture: starts Smarketing on a real Kestrel socket (random port, fresh SQLite file, demo data)
/// and one headless Debian Chromium, shared by every test.
/// </summary>
public class SmarketingApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DemoPassword = "Demo123!";

    private static readonly string[] _chromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "smarketing-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    private SmarketingWebFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = default!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The app's warnings and errors since it started.</summary>
    public ServerLog ServerLog { get; } = new();

    public string DatabasePath => Path.Combine(_workDirectory, "smarketing.db");

    /// <summary>Screenshots of every page the tests look at (in the test output folder, never committed).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public virtual async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath}, and it is not there. " +
                "Run ./scripts/test.sh, which installs it (apt-get install chromium), or install it yourself. " +
                "Playwright's own browser download does not work on this network.");
        }

        Directory.CreateDirectory(_workDirectory);
        Directory.CreateDirectory(ScreenshotDirectory);

        _factory = new SmarketingWebFactory($"Data Source={DatabasePath}", ServerLog, ConfigureTestServices);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress;
        if (BaseUrl.IsLoopback is false || BaseUrl.Port == 0)
        {
            throw new InvalidOperationException($"The app should listen on a loopback port, but its address is {BaseUrl}.");
        }

        if (!File.Exists(DatabasePath))
        {
            throw new InvalidOperationException(
                $"The app did not create its database at {DatabasePath}: the test's ConnectionStrings:Smarketing was not used.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = _chromiumArgs,
        });

        // A loaded 2-core machine (other test projects run alongside) can take a while to render a first circuit.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>What a fixture of its own changes in the app's services (the clock, say); nothing by default.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    /// <summary>A client for the JSON API on the same real socket the browser uses.</summary>
    public HttpClient CreateApiClient() => new() { BaseAddress = BaseUrl };

    /// <summary>Creates a throwaway person who can sign in (straight through Identity: no admin session needed).</summary>
    public async Task<string> CreateUserAsync(string role, string password = DemoPassword, string? displayName = null)
    {
        var email = $"e2e-{Guid.NewGuid().ToString("N")[..10]}@example.test";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? "Test Person",
        };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join(" ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRoleAsync(user, role);
        added.Succeeded.ShouldBeTrue(string.Join(" ", added.Errors.Select(e => e.Description)));
        return email;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the system; not worth failing a run for.
        }
    }
}
