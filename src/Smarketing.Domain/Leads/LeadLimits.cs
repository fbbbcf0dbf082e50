namespace Smarketing.Domain.Leads;

/// <summary>The largest values a lead and its history take; the validators and the database columns ask these.</summary>
public static class LeadLimits
{
    public const int ExternalId = 100;

    /// <summary>First and last name, industry, country, source.</summary>
    public const int Name = 100;

    /// <summary>Company, title, campaign.</summary>
    public const int Text = 200;

    /// <summary>A free-text reason a person writes: why a non-MQL is handed off anyway, why a lead moves to another rep.</summary>
    public const int Reason = 500;

    /// <summary>A rejection or lost reason, chosen from the agreement's list.</summary>
    public const int ListedReason = Agreements.AgreementLimits.ReasonItem;

    public const int ContactNote = 2000;

    public const int MaxCompanySize = 10_000_000;
    public const int MaxEngagementScore = 1000;

    /// <summary>The largest amount a won opportunity records (a billion in the agreement's currency).</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>An event's reason: a person's reason with the words and the emails the event adds around it.</summary>
    public const int EventReason = Reason + (2 * Common.TextLimits.Email) + 100;

    /// <summary>An event's note: a contact note, or the list of fields an edit changed with their old and new values.</summary>
    public const int EventNote = 8000;
}
