namespace Smarketing.Domain.Notifications;

public enum NotificationKind
{
    AtRisk,
    Breached,
    Escalation,
    Rejected,
}

/// <summary>A message for one person, kept until read, so someone who was offline sees it later.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public Guid? LeadId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
