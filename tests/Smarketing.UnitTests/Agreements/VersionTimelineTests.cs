using Smarketing.Domain.Agreements;

namespace Smarketing.UnitTests.Agreements;

/// <summary>Which version judges a moment, and what each version's status is now.</summary>
public sealed class VersionTimelineTests
{
    // Midnight in New York on the effective dates.
    private static readonly DateTimeOffset Version1Starts = new(2026, 7, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Version2Starts = new(2027, 1, 4, 5, 0, 0, TimeSpan.Zero);

    private static AgreementVersion Adopted(int number, DateTimeOffset effectiveAt) => new()
    {
        Number = number,
        EffectiveFrom = DateOnly.FromDateTime(effectiveAt.UtcDateTime),
        EffectiveAt = effectiveAt,
        AdoptedAt = effectiveAt.AddDays(-10),
        DraftSlot = null,
    };

    private static AgreementVersion Draft(int number) => new() { Number = number, EffectiveFrom = new DateOnly(2027, 3, 1) };

    private readonly AgreementVersion _version1 = Adopted(1, Version1Starts);
    private readonly AgreementVersion _version2 = Adopted(2, Version2Starts);
    private readonly AgreementVersion _version3 = Draft(3);

    private AgreementVersion[] All => [_version1, _version2, _version3];

    [Fact]
    public void BetweenTwoEffectiveDates_TheEarlierVersionJudges()
    {
        VersionTimeline.InForceAt(All, new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)).ShouldBeSameAs(_version1);
    }

    [Fact]
    public void FromTheFirstInstantOfItsEffectiveDate_TheNewerVersionJudges()
    {
        VersionTimeline.InForceAt(All, Version2Starts.AddTicks(-1)).ShouldBeSameAs(_version1);
        VersionTimeline.InForceAt(All, Version2Starts).ShouldBeSameAs(_version2);
        VersionTimeline.InForceAt(All, Version2Starts.AddYears(3)).ShouldBeSameAs(_version2);
    }

    [Fact]
    public void BeforeTheFirstVersionTookEffect_TheFirstVersionJudges_SoBackfilledHistoryHasABaseline()
    {
        VersionTimeline.InForceAt(All, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBeSameAs(_version1);
    }

    [Fact]
    public void ADraft_NeverJudges_EvenWhenItIsTheOnlyVersion()
    {
        VersionTimeline.InForceAt([_version3], Version2Starts).ShouldBeNull();
    }

    [Fact]
    public void OfTwoVersionsEffectiveTheSameDay_TheLaterNumberJudges()
    {
        var sameDay = Adopted(3, Version2Starts);

        VersionTimeline.InForceAt([_version1, _version2, sameDay], Version2Starts.AddHours(1)).ShouldBeSameAs(sameDay);
    }

    [Fact]
    public void ADraft_HasDraftStatus()
    {
        VersionTimeline.StatusOf(_version3, All, Version2Starts.AddDays(100)).ShouldBe(VersionStatus.Draft);
    }

    [Fact]
    public void AnAdoptedVersionWhoseDateHasNotCome_IsScheduled_AndTheOneBeforeIsStillInForce()
    {
        var now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

        VersionTimeline.StatusOf(_version2, All, now).ShouldBe(VersionStatus.Scheduled);
        VersionTimeline.StatusOf(_version1, All, now).ShouldBe(VersionStatus.InForce);
    }

    [Fact]
    public void OnceTheNewerVersionTakesEffect_ItIsInForce_AndTheOlderIsSuperseded()
    {
        VersionTimeline.StatusOf(_version2, All, Version2Starts).ShouldBe(VersionStatus.InForce);
        VersionTimeline.StatusOf(_version1, All, Version2Starts).ShouldBe(VersionStatus.Superseded);
    }

    [Fact]
    public void BeforeAnyVersionTookEffect_TheFirstIsScheduled_NotInForce()
    {
        VersionTimeline.StatusOf(_version1, All, Version1Starts.AddDays(-1)).ShouldBe(VersionStatus.Scheduled);
    }
}
