namespace Smarketing.Domain.Leads;

/// <summary>A sales rep as assignment sees them today.</summary>
public sealed record RepStatus(string Id, string Email, bool Active, bool OutOfOfficeToday, int OpenLeads, int Capacity);

public sealed record AssignmentDecision(RepStatus? Rep, string Explanation);

/// <summary>Round robin over eligible reps: active, not out of office today, under capacity; each skip is explained.</summary>
public static class RoundRobin
{
    /// <param name="reps">Every sales rep, in a stable order (by email).</param>
    /// <param name="lastAssignedEmail">Who got the previous round-robin lead; the turn passes to the next rep after them.</param>
    public static AssignmentDecision Next(IReadOnlyList<RepStatus> reps, string? lastAssignedEmail)
    {
        if (reps.Count == 0)
        {
            return new(null, "No sales reps exist; the lead waits in the pool.");
        }

        var start = lastAssignedEmail is null ? 0 : reps.ToList().FindIndex(r => r.Email == lastAssignedEmail) + 1;
        var skipped = new List<string>();
        for (var i = 0; i < reps.Count; i++)
        {
            var rep = reps[(start + i) % reps.Count];
            var why = !rep.Active ? "inactive"
                : rep.OutOfOfficeToday ? "out of office today"
                : rep.OpenLeads >= rep.Capacity ? $"at capacity ({rep.OpenLeads} of {rep.Capacity} open leads)"
                : null;
            if (why is null)
            {
                var skips = skipped.Count == 0 ? "" : $"; skipped {string.Join(", ", skipped)}";
                return new(rep, $"Round robin: {rep.Email}'s turn ({rep.OpenLeads} of {rep.Capacity} open leads){skips}.");
            }

            skipped.Add($"{rep.Email} ({why})");
        }

        return new(null, $"No eligible rep: {string.Join(", ", skipped)}. The lead waits in the pool.");
    }
}
