namespace ApprovalCenter.Cases;

/// <summary>A rule checked before any person's action on a case runs (the engine has already
/// checked role and department): e.g. the chief representatives' authorisation matrix. Throw a
/// <see cref="CaseException"/> (403 with the reason) to refuse.</summary>
public interface ICaseActionGuard
{
    Task CheckAsync(CaseRecord record, string action, CaseActor actor, CancellationToken ct);
}
