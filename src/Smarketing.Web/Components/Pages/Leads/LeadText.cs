using System.Globalization;
using System.Security.Claims;
using MudBlazor;
using Smarketing.Application.Leads;
using Smarketing.Domain.Leads;

namespace Smarketing.Web.Components.Pages.Leads;

/// <summary>Words and formats the lead pages share, so a stage or an event reads the same everywhere.</summary>
internal static class LeadText
{
    public static string Stage(LeadStage stage) => LeadStages.Label(stage);

    /// <summary>The stage on a badge, where space is short.</summary>
    public static string StageShort(LeadStage stage) => stage switch
    {
        LeadStage.Rejected => "Rejected",
        LeadStage.Merged => "Merged",
        _ => LeadStages.Label(stage),
    };

    public static Color StageColor(LeadStage stage) => stage switch
    {
        LeadStage.Mql => Color.Info,
        LeadStage.HandedOff => Color.Warning,
        LeadStage.Claimed => Color.Secondary,
        LeadStage.Accepted or LeadStage.Sql => Color.Primary,
        LeadStage.Rejected => Color.Error,
        LeadStage.Won => Color.Success,
        _ => Color.Default,
    };

    /// <summary>A lead's name, or its email when marketing only has the address.</summary>
    public static string Name(string name, string email) => string.IsNullOrWhiteSpace(name) ? email : name.Trim();

    public static string Name(LeadSummary lead) => Name(lead.Name, lead.Email);

    public static string Name(Lead lead) => Name(lead.Name, lead.Email);

    public static string Event(LeadEventType type) => type switch
    {
        LeadEventType.Created => "Created",
        LeadEventType.Updated => "Details changed",
        LeadEventType.HandedOff => "Handed off to sales",
        LeadEventType.Assigned => "Assigned to a rep",
        LeadEventType.Claimed => "Claimed",
        LeadEventType.Reassigned => "Reassigned",
        LeadEventType.ContactAttempt => "Contact attempt",
        LeadEventType.Accepted => "Accepted",
        LeadEventType.Rejected => "Rejected, back to marketing",
        LeadEventType.Converted => "Converted to an opportunity",
        LeadEventType.Won => "Won",
        LeadEventType.Lost => "Lost",
        LeadEventType.Merged => "Merged",
        _ => type.ToString(),
    };

    public static string Channel(ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "Phone call",
        ContactChannel.Email => "Email",
        ContactChannel.Meeting => "Meeting",
        ContactChannel.LinkedIn => "LinkedIn",
        _ => "Other",
    };

    public static string Outcome(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.Connected => "Connected",
        ContactOutcome.LeftVoicemail => "Left a voicemail",
        ContactOutcome.NoAnswer => "No answer",
        ContactOutcome.Replied => "Replied",
        ContactOutcome.MeetingBooked => "Meeting booked",
        ContactOutcome.WrongContact => "Wrong contact",
        _ => outcome.ToString(),
    };

    public static string Money(decimal amount) => amount.ToString("#,##0.##", CultureInfo.InvariantCulture);

    /// <summary>The service's words for a refusal: its message, or its field messages when the input was invalid.</summary>
    public static string Refusal(Smarketing.Domain.Common.Result result) =>
        result.Errors.Count > 0 ? string.Join(" ", result.Errors.SelectMany(e => e.Value)) : result.Message ?? "That did not work.";

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
