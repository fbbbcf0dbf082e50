using Smarketing.Domain.Agreements;

namespace Smarketing.UnitTests.Agreements;

public sealed class AgreementHistoryTests
{
    private static readonly DateTimeOffset Signed = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ADraft_MayChangeItsContent()
    {
        var stored = Draft();
        var proposed = Draft();
        proposed.Summary = "New summary";
        proposed.ContentRevision++;

        AgreementHistory.RefuseChange(stored, proposed).ShouldBeNull();
    }

    [Fact]
    public void AnAdoptedVersion_MayNotChangeAtAll()
    {
        var stored = Adopted();
        var proposed = Adopted();
        proposed.Summary = "Rewritten";

        AgreementHistory.RefuseChange(stored, proposed).ShouldBe("Version 2 is adopted; an adopted agreement version never changes.");
    }

    [Fact]
    public void ASignature_IsVoidedWholeByAnEdit_ButNeverRewrittenOrRemovedWithoutOne()
    {
        var stored = SignedByMarketing();

        var voided = SignedByMarketing();
        (voided.MarketingSignedBy, voided.MarketingSignerName, voided.MarketingSignedAt) = (null, null, null);
        voided.ContentRevision++;
        AgreementHistory.RefuseChange(stored, voided).ShouldBeNull();

        var rewritten = SignedByMarketing();
        rewritten.MarketingSignedAt = Signed.AddDays(-1);
        rewritten.ContentRevision++;
        AgreementHistory.RefuseChange(stored, rewritten).ShouldBe("The marketing signature on version 2 can't be rewritten; only an edit of the draft voids it.");

        var removedWithoutAnEdit = SignedByMarketing();
        (removedWithoutAnEdit.MarketingSignedBy, removedWithoutAnEdit.MarketingSignerName, removedWithoutAnEdit.MarketingSignedAt) = (null, null, null);
        AgreementHistory.RefuseChange(stored, removedWithoutAnEdit).ShouldNotBeNull();

        var partlyRemoved = SignedByMarketing();
        partlyRemoved.MarketingSignedBy = null;
        partlyRemoved.ContentRevision++;
        AgreementHistory.RefuseChange(stored, partlyRemoved).ShouldNotBeNull();
    }

    [Fact]
    public void ASecondSignature_MayJoinTheFirst()
    {
        var proposed = SignedByMarketing();
        (proposed.SalesSignedBy, proposed.SalesSignerName, proposed.SalesSignedAt) = ("sales@example.com", "Sam", Signed);

        AgreementHistory.RefuseChange(SignedByMarketing(), proposed).ShouldBeNull();
    }

    [Fact]
    public void OnlyAnUnsignedDraft_MayBeDeleted()
    {
        AgreementHistory.RefuseDeletion(Draft()).ShouldBeNull();
        AgreementHistory.RefuseDeletion(SignedByMarketing()).ShouldBe("Version 2 carries a signature; a signed version is never deleted.");
        AgreementHistory.RefuseDeletion(Adopted()).ShouldBe("Version 2 is adopted; an adopted agreement version is never deleted.");
    }

    [Fact]
    public void TheSectionsOfAnAdoptedVersion_NeverChange()
    {
        AgreementHistory.RefuseSectionChange(Draft()).ShouldBeNull();
        AgreementHistory.RefuseSectionChange(Adopted()).ShouldBe("Version 2 is adopted; its sections never change.");
    }

    private static AgreementVersion Draft() => new() { Id = Guid.Empty, Number = 2, ContentRevision = 3, Summary = "Draft" };

    private static AgreementVersion SignedByMarketing()
    {
        var version = Draft();
        (version.MarketingSignedBy, version.MarketingSignerName, version.MarketingSignedAt) = ("maya@example.com", "Maya", Signed);
        return version;
    }

    private static AgreementVersion Adopted()
    {
        var version = SignedByMarketing();
        (version.SalesSignedBy, version.SalesSignerName, version.SalesSignedAt) = ("sales@example.com", "Sam", Signed);
        version.AdoptedAt = Signed;
        version.DraftSlot = null;
        return version;
    }
}
