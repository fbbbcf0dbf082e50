using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Smarketing.Application.Leads;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.Web.Components.Pages.Leads;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Leads;

/// <summary>
/// Rejecting a claimed lead or losing an opportunity: the rep picks one of the agreement's reasons, the dialog sends it,
/// and a refusal's message sits under the reason.
/// </summary>
public sealed class ReasonDialogTests : ComponentTest
{
    private static readonly string[] RejectionReasons = ["Not a decision-maker", "No budget", "Wrong industry"];

    private readonly List<ReasonRequest> _sent = [];
    private Result<LeadDetails> _answer = Result<LeadDetails>.Ok(LeadDetailsFor(new Lead { FirstName = "Ava", LastName = "Adams" }));

    private static LeadDetails LeadDetailsFor(Lead lead) => new(lead, null, []);

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(ReasonKind kind)
    {
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters
        {
            [nameof(ReasonDialog.Kind)] = kind,
            [nameof(ReasonDialog.Reasons)] = RejectionReasons,
            [nameof(ReasonDialog.Save)] = (Func<ReasonRequest, Task<Result<LeadDetails>>>)(request =>
            {
                _sent.Add(new ReasonRequest { Reason = request.Reason });
                return Task.FromResult(_answer);
            }),
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<ReasonDialog>("Reject Ava Adams", parameters));
        return (provider, dialog);
    }

    [Fact]
    public async Task Rejecting_SaysTheLeadGoesBackToMarketing_AndOffersTheAgreementsRejectionReasons()
    {
        var (provider, _) = await OpenAsync(ReasonKind.Reject);

        provider.Markup.ShouldContain("The lead goes back to marketing for nurture, with your reason.");
        provider.Find("label").TextContent.ShouldBe("Rejection reason");
        provider.FindAll("button").Select(b => b.TextContent.Trim()).ShouldBe(["Cancel", "Reject lead"]);
    }

    [Fact]
    public async Task WithoutAReason_TheServicesMessageShowsUnderTheReason_AndTheDialogStaysOpen()
    {
        _answer = Result<LeadDetails>.Fail(Result.Invalid("Reason", "Choose a rejection reason from the agreement's list."));
        var (provider, dialog) = await OpenAsync(ReasonKind.Reject);

        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() =>
        {
            var reason = provider.Find("[role=combobox][aria-label='Rejection reason']");
            reason.GetAttribute("aria-invalid").ShouldBe("true");
            provider.Find($"[id='{reason.GetAttribute("aria-describedby")}']").TextContent.ShouldBe("Choose a rejection reason from the agreement's list.");
        }, TimeSpan.FromSeconds(5));
        dialog.Result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task MarkingLost_SaysTheReasonCountsInTheScorecard()
    {
        var (provider, _) = await OpenAsync(ReasonKind.Lost);

        provider.Markup.ShouldContain("The reason counts in the scorecard's ranking of why deals are lost.");
        provider.Find("label").TextContent.ShouldBe("Lost reason");
        provider.FindAll("button").Select(b => b.TextContent.Trim()).ShouldBe(["Cancel", "Mark lost"]);
    }

    [Fact]
    public async Task Submitting_SendsNothingButTheChosenReason_AndClosesWithTheLeadTheServiceReturned()
    {
        var (provider, dialog) = await OpenAsync(ReasonKind.Reject);

        await provider.Find("form").SubmitAsync();

        _sent.ShouldHaveSingleItem().Reason.ShouldBeNull();
        var result = await dialog.Result;
        result!.Data.ShouldBeOfType<LeadDetails>().Lead.Name.ShouldBe("Ava Adams");
    }

    [Fact]
    public async Task Cancelling_SendsNothing()
    {
        var (provider, dialog) = await OpenAsync(ReasonKind.Reject);

        await provider.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync();

        (await dialog.Result)!.Canceled.ShouldBeTrue();
        _sent.ShouldBeEmpty();
    }
}
