using Smarketing.Domain.Leads;

namespace Smarketing.UnitTests.Leads;

/// <summary>
/// Round robin hands each lead to the next eligible rep after the one who got the last, and explains the choice:
/// whose turn it was, and every rep passed over with the reason (inactive, out of office today, at capacity).
/// </summary>
public sealed class RoundRobinTests
{
    private static RepStatus Rep(string name, bool active = true, bool away = false, int open = 3, int capacity = 30) =>
        new($"id-{name}", $"{name}@demo.test", active, away, open, capacity);

    [Fact]
    public void TheFirstLeadEver_GoesToTheFirstRep_AndSaysItWasTheirTurn()
    {
        var decision = RoundRobin.Next([Rep("ann"), Rep("bob"), Rep("cat")], lastAssignedEmail: null);

        decision.Rep.ShouldNotBeNull().Email.ShouldBe("ann@demo.test");
        decision.Explanation.ShouldBe("Round robin: ann@demo.test's turn (3 of 30 open leads).");
    }

    [Fact]
    public void TheTurn_PassesToTheRepAfterTheOneWhoGotTheLastLead()
    {
        RoundRobin.Next([Rep("ann"), Rep("bob"), Rep("cat")], "ann@demo.test").Rep!.Email.ShouldBe("bob@demo.test");
        RoundRobin.Next([Rep("ann"), Rep("bob"), Rep("cat")], "bob@demo.test").Rep!.Email.ShouldBe("cat@demo.test");
    }

    [Fact]
    public void AfterTheLastRep_TheTurnWrapsAroundToTheFirst()
    {
        RoundRobin.Next([Rep("ann"), Rep("bob"), Rep("cat")], "cat@demo.test").Rep!.Email.ShouldBe("ann@demo.test");
    }

    [Fact]
    public void WhenTheLastAssignedRepIsNoLongerARep_TheTurnStartsAgainAtTheFirst()
    {
        RoundRobin.Next([Rep("ann"), Rep("bob")], "gone@demo.test").Rep!.Email.ShouldBe("ann@demo.test");
    }

    [Fact]
    public void AnInactiveRep_IsSkipped_AndTheExplanationSaysSo()
    {
        var decision = RoundRobin.Next([Rep("ann"), Rep("bob", active: false), Rep("cat")], "ann@demo.test");

        decision.Rep!.Email.ShouldBe("cat@demo.test");
        decision.Explanation.ShouldBe("Round robin: cat@demo.test's turn (3 of 30 open leads); skipped bob@demo.test (inactive).");
    }

    [Fact]
    public void ARepOutOfOfficeToday_IsSkipped_AndTheExplanationSaysSo()
    {
        var decision = RoundRobin.Next([Rep("ann"), Rep("bob", away: true), Rep("cat")], "ann@demo.test");

        decision.Rep!.Email.ShouldBe("cat@demo.test");
        decision.Explanation.ShouldBe("Round robin: cat@demo.test's turn (3 of 30 open leads); skipped bob@demo.test (out of office today).");
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(41, 30)]
    [InlineData(0, 0)]
    public void ARepAtOrOverCapacity_IsSkipped_AndTheExplanationGivesTheirLoad(int open, int capacity)
    {
        var decision = RoundRobin.Next([Rep("ann"), Rep("bob", open: open, capacity: capacity), Rep("cat")], "ann@demo.test");

        decision.Rep!.Email.ShouldBe("cat@demo.test");
        decision.Explanation.ShouldBe($"Round robin: cat@demo.test's turn (3 of 30 open leads); skipped bob@demo.test (at capacity ({open} of {capacity} open leads)).");
    }

    [Fact]
    public void ARepOneLeadBelowCapacity_StillGetsTheirTurn()
    {
        RoundRobin.Next([Rep("ann"), Rep("bob", open: 29, capacity: 30)], "ann@demo.test").Rep!.Email.ShouldBe("bob@demo.test");
    }

    [Fact]
    public void SkippingPastTheLastRep_WrapsAround_AndNamesEverySkippedRepInTurnOrder()
    {
        var decision = RoundRobin.Next([Rep("ann"), Rep("bob", away: true), Rep("cat", open: 12, capacity: 12)], "ann@demo.test");

        decision.Rep!.Email.ShouldBe("ann@demo.test");
        decision.Explanation.ShouldBe(
            "Round robin: ann@demo.test's turn (3 of 30 open leads); skipped bob@demo.test (out of office today), cat@demo.test (at capacity (12 of 12 open leads)).");
    }

    [Fact]
    public void AnInactiveRepWhoIsAlsoAway_IsSkippedAsInactive()
    {
        var decision = RoundRobin.Next([Rep("ann", active: false, away: true, open: 50), Rep("bob")], null);

        decision.Explanation.ShouldContain("skipped ann@demo.test (inactive)");
    }

    [Fact]
    public void WhenNoRepIsEligible_NobodyIsAssigned_AndTheExplanationSaysWhyForEachRep()
    {
        var decision = RoundRobin.Next([Rep("ann", active: false), Rep("bob", away: true), Rep("cat", open: 5, capacity: 5)], "ann@demo.test");

        decision.Rep.ShouldBeNull();
        decision.Explanation.ShouldBe(
            "No eligible rep: bob@demo.test (out of office today), cat@demo.test (at capacity (5 of 5 open leads)), ann@demo.test (inactive). The lead waits in the pool.");
    }

    [Fact]
    public void WithNoRepsAtAll_TheLeadWaitsInThePool()
    {
        var decision = RoundRobin.Next([], null);

        decision.Rep.ShouldBeNull();
        decision.Explanation.ShouldBe("No sales reps exist; the lead waits in the pool.");
    }
}
