using Smarketing.Domain.Leads;

namespace Smarketing.Application.Leads;

/// <summary>The lead list's filters, one home for the lead list page, GET /api/v1/leads and the CSV export.</summary>
internal static class LeadFilter
{
    public static IQueryable<Lead> Matching(this IQueryable<Lead> leads, LeadQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            leads = leads.Where(l => l.Email.Contains(term) || l.LastName.Contains(term) || l.FirstName.Contains(term) || l.Company.Contains(term));
        }

        // A merged duplicate is listed only when asked for by its stage; it is not a lead of its own.
        leads = query.Stage is { } stage ? leads.Where(l => l.Stage == stage) : leads.Where(LeadStages.StandsAlone);

        if (!string.IsNullOrWhiteSpace(query.OwnerEmail))
        {
            var owner = query.OwnerEmail.Trim().ToLowerInvariant();
            leads = leads.Where(l => l.OwnerEmail == owner);
        }

        if (!string.IsNullOrWhiteSpace(query.ExternalId))
        {
            var externalId = query.ExternalId.Trim();
            leads = leads.Where(l => l.ExternalId == externalId);
        }

        if (!string.IsNullOrWhiteSpace(query.Email))
        {
            var email = query.Email.Trim().ToLowerInvariant();
            leads = leads.Where(l => l.Email == email);
        }

        return query.MqlOnly ? leads.Where(l => l.IsMql) : leads;
    }
}
