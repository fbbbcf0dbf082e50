using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Infrastructure;

/// <summary>
/// Base of every browser test: a fresh browser context and page per test (no cookies shared between tests),
/// helpers to open Blazor pages once their circuit is live, to sign in, and to take screenshots.
/// </summary>
public abstract partial class BrowserTest(SmarketingApp app) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConditionalWeakTable<IPage, BlazorCircuit> _circuits = [];
    private readonly List<string> _browserErrors = [];
    private int _serverLogStart;

    protected SmarketingApp App { get; } = app;

    /// <summary>The test's page, in its own browser context.</summary>
    protected IPage Page { get; private set; } = default!;

    /// <summary>Uncaught script errors, console errors and failed requests (4xx/5xx, API calls aside) on any page of this test so far.</summary>
    protected IReadOnlyList<string> BrowserErrors
    {
        get
        {
            lock (_browserErrors)
            {
                return [.. _browserErrors];
            }
        }
    }

    public virtual async ValueTask InitializeAsync()
    {
        _serverLogStart = App.ServerLog.Count;
        Page = await NewPageInNewContextAsync();
    }

    /// <summary>A page in a fresh browser context: another person on another machine.</summary>
    protected async Task<IPage> NewPageInNewContextAsync()
    {
        var context = await App.NewContextAsync();
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        _circuits.Add(page, new BlazorCircuit(page));
        page.PageError += (_, error) => Record($"page error on {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.Contains("/api/", StringComparison.Ordinal))
            {
                Record($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console error on {page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>Opens an interactive (Blazor Server) page and waits until its circuit has rendered, so clicks work.</summary>
    protected async Task OpenAsync(string path, IPage? page = null)
    {
        page ??= Page;
        var circuit = CircuitOf(page);
        var before = circuit.Position;
        await page.GotoAsync(path);
        await circuit.WaitForNewCircuitAsync(before, $"Opening {path}");
        await circuit.WaitUntilQuietAsync(TimeSpan.FromMilliseconds(300));
    }

    /// <summary>Opens a static page (the account pages render on the server only, without a circuit).</summary>
    protected static async Task OpenStaticAsync(string path, IPage page) => await page.GotoAsync(path);

    /// <summary>Signs in through the sign-in form and waits for the (interactive) home page.</summary>
    protected async Task SignInAsync(IPage page, string email, string password = SmarketingApp.DemoPassword)
    {
        var circuit = CircuitOf(page);
        var before = circuit.Position;
        await SubmitSignInFormAsync(page, email, password);
        var error = page.Locator("[data-testid=login-error]");
        if (await error.CountAsync() > 0)
        {
            throw new ShouldAssertException($"Signing in as {email} failed: {await error.InnerTextAsync()}");
        }

        await Expect(page).Not.ToHaveURLAsync(LoginPage());
        await circuit.WaitForNewCircuitAsync(before, $"Signing in as {email}");
        await circuit.WaitUntilQuietAsync(TimeSpan.FromMilliseconds(300));
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToBeVisibleAsync();
    }

    /// <summary>Fills and posts the sign-in form, and waits until the browser shows the answer (a new document).</summary>
    protected static async Task SubmitSignInFormAsync(IPage page, string email, string password)
    {
        if (!LoginPage().IsMatch(page.Url))
        {
            await OpenStaticAsync("/Account/Login", page);
        }

        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await ClickAndWaitForNewDocumentAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
    }

    /// <summary>Clicks something that makes the browser load a new document (a plain form post or a full reload) and waits for it.</summary>
    protected static async Task ClickAndWaitForNewDocumentAsync(IPage page, ILocator target)
    {
        await page.EvaluateAsync("() => { window.__smarketingOldDocument = true; }");
        await target.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__smarketingOldDocument !== true && document.readyState !== 'loading'");
    }

    /// <summary>Saves a full-page screenshot under the test output's screenshots/ folder.</summary>
    protected async Task ScreenshotAsync(string name, IPage? page = null)
    {
        var file = Path.Combine(SmarketingApp.ScreenshotDirectory, $"{GetType().Name}-{Safe(name)}.png");
        await (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {file}");
    }

    /// <summary>The sign-in page's address, with or without a return URL.</summary>
    protected static Regex LoginPage() => LoginPageRegex();

    public virtual async ValueTask DisposeAsync()
    {
        var output = TestContext.Current.TestOutputHelper;
        lock (_browserErrors)
        {
            foreach (var error in _browserErrors)
            {
                output?.WriteLine(error);
            }
        }

        // Tests run one at a time, so what the server logged meanwhile belongs to this test.
        foreach (var entry in App.ServerLog.Since(_serverLogStart))
        {
            output?.WriteLine(entry);
        }

        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }

    private BlazorCircuit CircuitOf(IPage page) =>
        _circuits.TryGetValue(page, out var circuit)
            ? circuit
            : throw new InvalidOperationException("Make pages with NewPageInNewContextAsync so their circuit is watched.");

    private void Record(string error)
    {
        lock (_browserErrors)
        {
            _browserErrors.Add(error);
        }
    }

    private static string Safe(string name) => UnsafeFileCharacters().Replace(name, "_");

    [GeneratedRegex(@"/Account/Login(\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LoginPageRegex();

    [GeneratedRegex(@"[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeFileCharacters();
}
