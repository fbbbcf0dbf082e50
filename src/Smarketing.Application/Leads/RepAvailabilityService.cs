using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Common;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Leads;

public sealed record RepAvailabilityView(
    string UserId, string Email, string DisplayName, string? Team, bool Active, int Capacity, int OpenLeads,
    DateOnly? OutOfOfficeFrom, DateOnly? OutOfOfficeUntil);

public sealed class SaveAvailabilityRequest
{
    public string UserId { get; set; } = "";
    public int Capacity { get; set; } = RepAvailability.DefaultCapacity;
    public DateOnly? OutOfOfficeFrom { get; set; }
    public DateOnly? OutOfOfficeUntil { get; set; }
}

public sealed class SaveAvailabilityRequestValidator : AbstractValidator<SaveAvailabilityRequest>
{
    public SaveAvailabilityRequestValidator()
    {
        RuleFor(r => r.UserId).NotEmpty().WithMessage("Choose a rep.");
        RuleFor(r => r.Capacity).InclusiveBetween(0, 1000).WithMessage("Capacity must be between 0 and 1000 open leads.");
        RuleFor(r => r.OutOfOfficeUntil)
            .GreaterThanOrEqualTo(r => r.OutOfOfficeFrom)
            .When(r => r.OutOfOfficeFrom is not null && r.OutOfOfficeUntil is not null)
            .WithMessage("Out-of-office end must not be before its start.");
        RuleFor(r => r.OutOfOfficeFrom)
            .NotNull().When(r => r.OutOfOfficeUntil is not null)
            .WithMessage("Give the first out-of-office day too.");
    }
}

/// <summary>The sales manager's view of the reps: who is active, away, and how full their queue is.</summary>
public sealed class RepAvailabilityService(
    IAppDbContextFactory dbFactory,
    IRepDirectory reps,
    ICurrentUser currentUser,
    TimeProvider clock,
    IValidator<SaveAvailabilityRequest> validator)
{
    public async Task<IReadOnlyList<RepAvailabilityView>> ListAsync(CancellationToken ct = default)
    {
        var people = await reps.ListRepsAsync(ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var availability = await db.RepAvailability.AsNoTracking().ToDictionaryAsync(a => a.UserId, ct);
        var open = LeadStages.Open.ToList();
        var counts = await db.Leads.AsNoTracking().Where(l => l.OwnerId != null && open.Contains(l.Stage))
            .GroupBy(l => l.OwnerId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return people.Select(p =>
        {
            var a = availability.GetValueOrDefault(p.Id);
            return new RepAvailabilityView(p.Id, p.Email, p.DisplayName, p.Team, p.Active, a?.Capacity ?? RepAvailability.DefaultCapacity,
                counts.GetValueOrDefault(p.Id), a?.OutOfOfficeFrom, a?.OutOfOfficeUntil);
        }).ToList();
    }

    public async Task<Result> SaveAsync(SaveAvailabilityRequest request, CancellationToken ct = default)
    {
        if (!currentUser.IsInRole(Roles.SalesManager))
        {
            return Result.Forbidden("Only a sales manager sets reps' capacity and time off.");
        }

        if (await validator.CheckAsync(request, ct) is { } invalid)
        {
            return invalid;
        }

        if ((await reps.ListRepsAsync(ct)).All(r => r.Id != request.UserId))
        {
            return Result.NotFound("That person is not a sales rep.");
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var row = await db.RepAvailability.SingleOrDefaultAsync(a => a.UserId == request.UserId, ct);
        if (row is null)
        {
            row = new RepAvailability { UserId = request.UserId };
            db.RepAvailability.Add(row);
        }

        row.Capacity = request.Capacity;
        row.OutOfOfficeFrom = request.OutOfOfficeFrom;
        row.OutOfOfficeUntil = request.OutOfOfficeUntil;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = currentUser.Email;
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }
}
