using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;

namespace Smarketing.Web.Components.Pages.Agreements;

/// <summary>
/// One person's editing session on the draft: the content as last loaded per section (with its revision),
/// and their working copy. Sections they haven't touched follow others' saves; touched ones wait for them.
/// </summary>
public sealed class DraftSession
{
    private readonly Dictionary<AgreementSection, int> _revisions = [];

    public DraftSession(AgreementVersionView draft)
    {
        Draft = draft;
        Base = AgreementJson.Clone(draft.Content);
        Working = AgreementJson.Clone(draft.Content);
        foreach (var (section, stamp) in draft.Sections)
        {
            _revisions[section] = stamp.Revision;
        }
    }

    public AgreementVersionView Draft { get; private set; }

    /// <summary>The content each section had at the revision this person started from.</summary>
    public AgreementContent Base { get; }

    public AgreementContent Working { get; }

    public int RevisionOf(AgreementSection section) => _revisions[section];

    public bool IsDirty(AgreementSection section) =>
        AgreementJson.Serialize(Base, section) != AgreementJson.Serialize(Working, section);

    public bool AnyDirty(Func<AgreementSection, bool> editable) => AgreementSections.All.Where(editable).Any(IsDirty);

    /// <summary>Takes a freshly loaded draft: clean sections follow it, dirty ones keep the person's edits.</summary>
    public void Refresh(AgreementVersionView draft)
    {
        Draft = draft;
        foreach (var section in AgreementSections.All)
        {
            if (!IsDirty(section))
            {
                Take(section, draft.Content, draft.Sections[section].Revision);
            }
        }
    }

    /// <summary>After this person's save: what they saved is now the base.</summary>
    public void Saved(AgreementSection section, int revision, AgreementVersionView draft)
    {
        AgreementJson.Apply(Base, section, AgreementJson.Serialize(Working, section));
        _revisions[section] = revision;
        Refresh(draft);
    }

    /// <summary>Drops this person's edits of a section in favour of what is stored.</summary>
    public void Discard(AgreementSection section, AgreementContent current, int revision)
    {
        Take(section, current, revision);
        AgreementJson.Apply(Working, section, AgreementJson.Serialize(current, section));
    }

    /// <summary>Keeps this person's edits but moves them onto the stored revision, so saving again replaces it on purpose.</summary>
    public void Rebase(AgreementSection section, AgreementContent current, int revision) => Take(section, current, revision);

    private void Take(AgreementSection section, AgreementContent source, int revision)
    {
        var json = AgreementJson.Serialize(source, section);
        var wasDirty = IsDirty(section);
        AgreementJson.Apply(Base, section, json);
        if (!wasDirty)
        {
            AgreementJson.Apply(Working, section, json);
        }

        _revisions[section] = revision;
    }
}
