namespace Smarketing.Domain.Common;

/// <summary>Who created and last changed a record, and when; filled in by the persistence layer, never by hand.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    string? UpdatedBy { get; set; }
}
