using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Common;
using Smarketing.Application.Leads;
using Smarketing.Domain.Notifications;

namespace Smarketing.Application.Notifications;

/// <summary>In-process feed of new notifications, so a connected person's page shows a toast at once.</summary>
public sealed class NotificationFeed
{
    public event Action<Notification>? Published;

    public void Publish(Notification notification) => Published?.Invoke(notification);
}

/// <summary>Who should hear about what, stored first and then pushed live.</summary>
public interface IRoleMembers
{
    Task<IReadOnlyList<string>> UserIdsInRoleAsync(string role, CancellationToken ct = default);
}

public sealed class NotificationCenter(IAppDbContextFactory dbFactory, ICurrentUser currentUser, NotificationFeed feed, TimeProvider clock, IRoleMembers members)
{
    /// <summary>Stores one notification per recipient and pushes each to connected pages.</summary>
    public async Task SendAsync(IEnumerable<string> userIds, NotificationKind kind, string title, string body, Guid? leadId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var notifications = userIds.Distinct().Select(id => new Notification
        {
            UserId = id, Kind = kind, Title = title, Body = body, LeadId = leadId, CreatedAt = now,
        }).ToList();
        if (notifications.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateAsync(ct);
        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync(ct);
        foreach (var notification in notifications)
        {
            feed.Publish(notification);
        }
    }

    public async Task SendToRoleAsync(string role, NotificationKind kind, string title, string body, Guid? leadId, CancellationToken ct = default) =>
        await SendAsync(await members.UserIdsInRoleAsync(role, ct), kind, title, body, leadId, ct);

    public async Task<IReadOnlyList<Notification>> MineAsync(int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var me = currentUser.UserId;
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == me)
            .OrderByDescending(n => n.Id).Take(take).ToListAsync(ct);
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var me = currentUser.UserId;
        return await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct);
    }

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var me = currentUser.UserId;
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
