using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;

namespace Smarketing.UnitTests.Agreements;

/// <summary>When a department may sign a draft, and which effective dates a draft may take.</summary>
public sealed class AgreementVersionTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static AgreementVersion Draft(int contentRevision = 3, DateOnly? effectiveFrom = null) => new()
    {
        Number = 2,
        ContentRevision = contentRevision,
        EffectiveFrom = effectiveFrom ?? new DateOnly(2027, 1, 4),
    };

    private static AgreementVersion Adopted() => new()
    {
        Number = 1,
        EffectiveFrom = new DateOnly(2026, 7, 1),
        EffectiveAt = new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero),
        AdoptedAt = new DateTimeOffset(2026, 6, 21, 15, 0, 0, TimeSpan.Zero),
        DraftSlot = null,
        MarketingSignedBy = "marketing@demo.test",
        SalesSignedBy = "sales.manager@demo.test",
    };

    [Theory]
    [InlineData(Department.Marketing)]
    [InlineData(Department.Sales)]
    public void ADraftWithAFutureDate_MayBeSignedByEitherDepartment_ForTheRevisionTheSignerRead(Department department)
    {
        Draft(contentRevision: 3).RefuseSignature(department, Today, contentRevisionSeen: 3).ShouldBeNull();
    }

    [Fact]
    public void ADraftTakingEffectToday_MayBeSigned()
    {
        Draft(effectiveFrom: Today).RefuseSignature(Department.Sales, Today, contentRevisionSeen: 3).ShouldBeNull();
    }

    [Fact]
    public void AnAdoptedVersion_CannotBeSignedAgain()
    {
        var refused = Adopted().RefuseSignature(Department.Marketing, Today, contentRevisionSeen: 0);

        refused.ShouldNotBeNull();
        refused.Kind.ShouldBe(ResultKind.Conflict);
        refused.Message.ShouldBe("Version 1 is already signed by both departments; it can no longer be signed.");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void ASignatureForContentThatHasSinceChanged_IsRefused(int seen)
    {
        var refused = Draft(contentRevision: 3).RefuseSignature(Department.Marketing, Today, seen);

        refused.ShouldNotBeNull();
        refused.Kind.ShouldBe(ResultKind.Conflict);
        refused.Message.ShouldBe("The draft changed since you opened it. Read the changes, then sign again.");
    }

    [Fact]
    public void ADepartmentThatAlreadySigned_CannotSignTwice_AndIsToldWhoSigned()
    {
        var draft = Draft();
        draft.SalesSignedBy = "sales.manager@demo.test";
        draft.SalesSignerName = "Sam Salesmanager";
        draft.SalesSignedAt = new DateTimeOffset(2026, 11, 19, 15, 0, 0, TimeSpan.Zero);

        var refused = draft.RefuseSignature(Department.Sales, Today, contentRevisionSeen: 3);

        refused.ShouldNotBeNull();
        refused.Kind.ShouldBe(ResultKind.Conflict);
        refused.Message.ShouldBe("Sam Salesmanager already signed version 2 for sales.");
    }

    [Fact]
    public void OneDepartmentsSignature_DoesNotStopTheOtherFromSigning()
    {
        var draft = Draft();
        draft.SalesSignedBy = "sales.manager@demo.test";

        draft.RefuseSignature(Department.Marketing, Today, contentRevisionSeen: 3).ShouldBeNull();
    }

    [Fact]
    public void ADraftWithoutAnEffectiveDate_CannotBeSigned()
    {
        var draft = Draft();
        draft.EffectiveFrom = null;

        var refused = draft.RefuseSignature(Department.Marketing, Today, contentRevisionSeen: 3);

        refused.ShouldNotBeNull();
        refused.Kind.ShouldBe(ResultKind.Invalid);
        refused.Errors["EffectiveFrom"].ShouldBe(["Set the effective date before signing."]);
    }

    [Fact]
    public void ADraftWhoseEffectiveDateHasPassed_CannotBeSigned_UntilADateIsChosenAgain()
    {
        var refused = Draft(effectiveFrom: Today.AddDays(-1)).RefuseSignature(Department.Sales, Today, contentRevisionSeen: 3);

        refused.ShouldNotBeNull();
        refused.Kind.ShouldBe(ResultKind.Invalid);
        refused.Errors["EffectiveFrom"].ShouldBe(["The effective date 2026-11-19 has passed; choose today or later, then sign."]);
    }

    [Fact]
    public void ADraft_MayTakeEffectTodayOrLater()
    {
        Draft().RefuseEffectiveDate(Today, Today).ShouldBeNull();
        Draft().RefuseEffectiveDate(Today.AddYears(1), Today).ShouldBeNull();
    }

    [Fact]
    public void ADraft_MayNotTakeEffectInThePast()
    {
        var refused = Draft().RefuseEffectiveDate(Today.AddDays(-1), Today);

        refused.ShouldNotBeNull();
        refused.Kind.ShouldBe(ResultKind.Invalid);
        refused.Errors["EffectiveFrom"].ShouldBe(["The effective date must be today (2026-11-20) or later."]);
    }

    [Fact]
    public void AnAdoptedVersionsEffectiveDate_CannotChange()
    {
        var refused = Adopted().RefuseEffectiveDate(Today.AddDays(30), Today);

        refused.ShouldNotBeNull();
        refused.Kind.ShouldBe(ResultKind.Conflict);
        refused.Message.ShouldBe("Version 1 is adopted; its effective date can't change.");
    }
}
