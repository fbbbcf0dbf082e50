using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Smarketing.Application.Notifications;
using Smarketing.Domain.Common;
using Smarketing.Domain.Notifications;
using Smarketing.Web.Components.Pages.Clocks;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Clocks;

/// <summary>
/// The bell in the app bar: how many notifications the signed-in person has not read, the newest first when they open
/// it, marking them read, and a new one counted (and shown as a snackbar) the moment it is sent.
/// </summary>
public sealed class NotificationBellTests : ComponentTest
{
    private static readonly Guid LeadId = Guid.Parse("5d1b3c2a-0000-4000-8000-000000000001");

    private readonly NotificationStore _store;

    public NotificationBellTests()
    {
        _store = NotificationStore.AddTo(Services);
        SignInAs(Roles.SalesRep);
    }

    private Notification Sent(string title, TimeSpan ago, bool read = false, string userId = NotificationStore.Me) => new()
    {
        UserId = userId, Kind = NotificationKind.AtRisk, Title = title, Body = $"{title}: details", LeadId = LeadId,
        CreatedAt = Clock.GetUtcNow() - ago, ReadAt = read ? Clock.GetUtcNow() - ago / 2 : null,
    };

    private void SeedThreeOfMineTwoUnread() => _store.Add(
        Sent("Oldest, already read", TimeSpan.FromHours(5), read: true),
        Sent("Someone else's", TimeSpan.FromHours(4), userId: "u2"),
        Sent("Older", TimeSpan.FromHours(3)),
        Sent("Newest", TimeSpan.FromMinutes(10)));

    private static AngleSharp.Dom.IElement Bell(IRenderedComponent<NotificationBell> bell) => bell.Find("[data-testid=notification-bell] button");

    [Fact]
    public void TheBell_CountsOnlyMyUnreadNotifications_AndSaysSoToScreenReaders()
    {
        SeedThreeOfMineTwoUnread();

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => Bell(bell).GetAttribute("aria-label").ShouldBe("Notifications: 2 unread"));
        var badge = bell.Find(".mud-badge");
        badge.TextContent.Trim().ShouldBe("2");
        badge.GetAttribute("role").ShouldBe("status");
        badge.GetAttribute("aria-label").ShouldBe("2 unread notifications");
        Bell(bell).GetAttribute("aria-expanded").ShouldBe("false");
    }

    [Fact]
    public void WithNothingUnread_TheBellShowsNoCount()
    {
        _store.Add(Sent("Read long ago", TimeSpan.FromDays(2), read: true));

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => Bell(bell).GetAttribute("aria-label").ShouldBe("Notifications: 0 unread"));
        bell.FindAll(".mud-badge").ShouldBeEmpty();
    }

    [Fact]
    public void OpeningTheBell_ListsMyNotificationsNewestFirst_MarksTheUnreadOnes_AndLinksToTheLead()
    {
        SeedThreeOfMineTwoUnread();
        var popovers = Render<MudPopoverProvider>();
        var bell = Render<NotificationBell>();

        Bell(bell).Click();

        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid=notification-item]").Count.ShouldBe(3));
        Bell(bell).GetAttribute("aria-expanded").ShouldBe("true");
        Bell(bell).GetAttribute("aria-haspopup").ShouldBe("menu");
        var items = popovers.FindAll("[role=menu] [data-testid=notification-item]");
        items.Select(i => i.QuerySelector(".notification-title")!.TextContent.Trim()).ShouldBe(["Newest", "Older", "Oldest, already read"]);
        items.Select(i => i.QuerySelector(".notification-new")?.TextContent.Trim()).ShouldBe(["New", "New", null]);
        items.Select(i => i.GetAttribute("role")).ShouldAllBe(role => role == "menuitem");
        popovers.Find("[data-testid=notification-item]").GetAttribute("href").ShouldBe($"/leads/{LeadId}");
        popovers.FindAll("a[href='/notifications']").ShouldHaveSingleItem().TextContent.ShouldContain("See all notifications");
    }

    [Fact]
    public void TheBellShowsWhenEachNotificationCame_InTheTimeZoneTheViewerReadsTimesIn()
    {
        _store.Add(Sent("Newest", TimeSpan.FromMinutes(10)));
        ViewerZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var popovers = Render<MudPopoverProvider>();
        var bell = Render<NotificationBell>();

        Bell(bell).Click();

        // 14:50 UTC on 23 Nov is 15:50 in Berlin.
        popovers.WaitForAssertion(() => popovers.Find(".notification-time").TextContent.Trim().ShouldBe("23 Nov 15:50"));
    }

    [Fact]
    public void MarkingAllAsRead_ClearsTheCount_AndMarksOnlyMine()
    {
        SeedThreeOfMineTwoUnread();
        var popovers = Render<MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        Bell(bell).Click();
        popovers.WaitForAssertion(() => popovers.Find("[data-testid=notification-mark-read]"));

        popovers.Find("[data-testid=notification-mark-read]").Click();

        bell.WaitForAssertion(() => Bell(bell).GetAttribute("aria-label").ShouldBe("Notifications: 0 unread"));
        bell.FindAll(".mud-badge").ShouldBeEmpty();
        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid=notification-item] .notification-title").Select(t => t.TextContent.Trim())
            .ShouldBe(["Newest", "Older", "Oldest, already read"]));
        popovers.FindAll(".notification-new").ShouldBeEmpty();
        popovers.FindAll("[data-testid=notification-mark-read]").ShouldBeEmpty();
        _store.All().Where(n => n.ReadAt is null).Select(n => n.UserId).ShouldBe(["u2"]);
        _store.All().Single(n => n.Title == "Newest").ReadAt.ShouldBe(Clock.GetUtcNow());
    }

    [Fact]
    public async Task ANotificationSentToMe_CountsAtOnce_AndShowsASnackbar_WhileOneForSomeoneElseDoesNot()
    {
        SeedThreeOfMineTwoUnread();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Bell(bell).GetAttribute("aria-label").ShouldBe("Notifications: 2 unread"));
        var center = Services.GetRequiredService<NotificationCenter>();

        await center.SendAsync(["u2"], NotificationKind.Breached, "Not for me", "Someone else's lead", LeadId, Xunit.TestContext.Current.CancellationToken);
        await center.SendAsync([NotificationStore.Me], NotificationKind.Breached, "Breached: Ava Evans", "First contact was due at noon.", LeadId, Xunit.TestContext.Current.CancellationToken);

        bell.WaitForAssertion(() => Bell(bell).GetAttribute("aria-label").ShouldBe("Notifications: 3 unread"));
        var snackbar = Services.GetRequiredService<ISnackbar>().ShownSnackbars.ShouldHaveSingleItem();
        snackbar.Message.ShouldBe("Breached: Ava Evans: First contact was due at noon.");
        snackbar.Severity.ShouldBe(Severity.Error);
    }
}
