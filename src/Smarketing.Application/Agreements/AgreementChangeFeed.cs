namespace Smarketing.Application.Agreements;

/// <summary>
/// In-process notice board for agreement changes: every open page subscribes and shows a live notice when
/// someone else saves. One app instance is enough for this; several would need a shared backplane.
/// </summary>
public sealed class AgreementChangeFeed
{
    public event Action<AgreementChanged>? Changed;

    public void Publish(AgreementChanged change) => Changed?.Invoke(change);
}
