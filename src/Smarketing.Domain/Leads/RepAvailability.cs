namespace Smarketing.Domain.Leads;

/// <summary>What the sales manager sets for each rep: how many open leads they can carry, and when they are away.</summary>
public sealed class RepAvailability
{
    public const int DefaultCapacity = 30;

    public string UserId { get; set; } = "";
    public int Capacity { get; set; } = DefaultCapacity;
    public DateOnly? OutOfOfficeFrom { get; set; }
    public DateOnly? OutOfOfficeUntil { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public bool IsOutOfOffice(DateOnly day) =>
        OutOfOfficeFrom is { } from && day >= from && (OutOfOfficeUntil is null || day <= OutOfOfficeUntil);
}
