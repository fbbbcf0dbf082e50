using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smarketing.Web.Components.Shared;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Shared;

/// <summary>A page that fails inside the layout shows a friendly message with a reference, logged once, and can be tried again.</summary>
public sealed class PageErrorBoundaryTests : ComponentTest
{
    private readonly Captured _log = new();

    public PageErrorBoundaryTests() => Services.AddSingleton<ILogger<PageErrorBoundary>>(_log);

    [Fact]
    public void AFailingPage_ShowsAFriendlyMessageWithAReference_ThatIsLoggedOnceWithTheError()
    {
        FailingPage.FailuresLeft = 1;

        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<FailingPage>());

        boundary.Find("h1").TextContent.ShouldBe("Something went wrong on this page");
        boundary.Markup.ShouldNotContain(FailingPage.Secret);
        var reference = boundary.Find("[data-testid=error-reference]").TextContent;
        reference.ShouldMatch("^[0-9a-f]{32}$");
        var entry = _log.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Exception!.Message.ShouldBe(FailingPage.Secret);
        entry.Message.ShouldContain(reference);
    }

    [Fact]
    public void TryAgain_ShowsThePageAgain_OnceItWorks()
    {
        FailingPage.FailuresLeft = 1;
        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<FailingPage>());

        boundary.Find("button").Click();

        boundary.Find("p").TextContent.ShouldBe("The page");
        boundary.FindAll("[data-testid=page-error]").ShouldBeEmpty();
    }

    private sealed class FailingPage : ComponentBase
    {
        public const string Secret = "secret internal detail";

        public static int FailuresLeft { get; set; }

        protected override void OnInitialized()
        {
            if (FailuresLeft-- > 0)
            {
                throw new InvalidOperationException(Secret);
            }
        }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, "The page");
            builder.CloseElement();
        }
    }

    private sealed class Captured : ILogger<PageErrorBoundary>
    {
        public List<(LogLevel Level, Exception? Exception, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, exception, formatter(state, exception)));
    }
}
