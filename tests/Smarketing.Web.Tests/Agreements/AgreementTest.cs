using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Web.Components.Pages.Agreements;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Agreements;

/// <summary>A component test on the demo agreement, signed in as one person, with the draft as that person loaded it.</summary>
public abstract class AgreementTest : ComponentTest
{
    protected AgreementTest()
    {
        World = new AgreementWorld(Clock);
        DefaultWaitTimeout = TimeSpan.FromSeconds(5);
    }

    protected AgreementWorld World { get; }

    protected IEnumerable<string> SnackbarMessages => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "");

    /// <summary>Signs <paramref name="person"/> in: the components get their service, their name and the change feed.</summary>
    protected void SignInAs(Person person)
    {
        SignInAs(person.Role);
        Services.AddSingleton<ICurrentUser>(person);
        Services.AddSingleton(World.Feed);
        Services.AddSingleton(World.ServiceFor(person));
    }

    protected async Task<DraftSession> OpenDraftAsync() => new(await World.DraftAsync());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            World.Dispose();
        }

        base.Dispose(disposing);
    }
}
