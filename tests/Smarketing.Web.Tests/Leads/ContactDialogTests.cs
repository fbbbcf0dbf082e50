using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Smarketing.Application.Leads;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.Web.Components.Pages.Leads;
using Smarketing.Web.Components.Shared;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Leads;

/// <summary>
/// Logging a contact attempt: it starts as a phone call that connected, just now on the rep's own clock; a time in the
/// future is refused under the time field before anything is sent.
/// </summary>
public sealed class ContactDialogTests : ComponentTest
{
    private static readonly LocalClock NewYork = new(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    private readonly List<ContactRequest> _sent = [];

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters
        {
            [nameof(ContactDialog.Clock)] = NewYork,
            [nameof(ContactDialog.Save)] = (Func<ContactRequest, Task<Result<LeadDetails>>>)(request =>
            {
                _sent.Add(request);
                return Task.FromResult(Result<LeadDetails>.Ok(new LeadDetails(new Lead { FirstName = "Dana" }, null, [])));
            }),
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<ContactDialog>("Log a contact attempt with Dana", parameters));
        return (provider, dialog);
    }

    [Fact]
    public async Task TheAttempt_StartsAsAConnectedPhoneCall_JustNow_OnTheRepsOwnClock()
    {
        var (provider, _) = await OpenAsync();

        provider.Find("[role=combobox][aria-label=Channel]").TextContent.ShouldBe("Phone call");
        provider.Find("[role=combobox][aria-label=Outcome]").TextContent.ShouldBe("Connected");
        provider.Find("label[for=OccurredAt]").TextContent.ShouldBe("When (your time, America/New_York)");
        provider.Find("#OccurredAt").GetAttribute("value").ShouldBe("2026-11-23T10:00:00");
        provider.Find("#OccurredAt").GetAttribute("max").ShouldBe("2026-11-23T10:00");
    }

    [Fact]
    public async Task ATimeInTheFuture_IsRefusedUnderTheTime_AndNothingIsSent()
    {
        var (provider, dialog) = await OpenAsync();

        await provider.Find("#OccurredAt").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "2026-11-24T10:00" });
        await provider.Find("form").SubmitAsync();

        provider.Find("#OccurredAt + .validation-message").TextContent.ShouldBe("The contact time can't be in the future.");
        _sent.ShouldBeEmpty();
        dialog.Result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task LeftAtTheMinuteItOpened_TheAttemptIsSentAsJustNow_WithTheNote()
    {
        var (provider, dialog) = await OpenAsync();

        await provider.Find("textarea").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Demo booked for Tuesday." });
        await provider.Find("form").SubmitAsync();

        var sent = _sent.ShouldHaveSingleItem();
        sent.Channel.ShouldBe(ContactChannel.Phone);
        sent.Outcome.ShouldBe(ContactOutcome.Connected);
        sent.Note.ShouldBe("Demo booked for Tuesday.");
        sent.OccurredAt.ShouldBeNull("the service stamps it with its own now");
        (await dialog.Result)!.Data.ShouldBeOfType<LeadDetails>();
    }

    [Fact]
    public async Task AnEarlierTime_IsSentAsThatInstant()
    {
        var (provider, _) = await OpenAsync();

        await provider.Find("#OccurredAt").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "2026-11-23T09:15" });
        await provider.Find("form").SubmitAsync();

        _sent.ShouldHaveSingleItem().OccurredAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 14, 15, 0, TimeSpan.Zero));
    }
}
