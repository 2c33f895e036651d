using ApprovalCenter.Clock;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Cases;

/// <summary>
/// The clock events a process definition implies by the steps it enters (the step's <c>clock</c> in the
/// JSON), for the processes whose limits are not started or stopped by an action of their own:
/// <list type="bullet">
/// <item><c>Counts</c> on a case still in intake: the bureau took the matter up, so its limits count from
/// today, never from a deemed acceptance at the receipt (企业开办 registration, 模拟审批 pre-review).</item>
/// <item><c>Counts</c> after a phase was decided: the next phase starts with fresh limits (分阶段施工许可,
/// 拿地即开工 once the land contract is registered).</item>
/// <item><c>Stopped</c> on a step that waits (not final) while the limits run: the phase is decided and
/// the wait for the applicant's next move is not the bureau's time.</item>
/// </list>
/// Actions with their own clock event (accept, approve…) come first, so these add nothing after them.
/// </summary>
public static class StepClockRules
{
    public static ClockEvent? For(ClockChange change, ClockPhase phase, bool stepIsFinal, DateOnly date) => change.Kind switch
    {
        ClockEffectKind.Counts when phase == ClockPhase.Intake => new ClockEvent.Accepted(date),
        ClockEffectKind.Counts when phase == ClockPhase.BetweenPhases => new ClockEvent.PhaseAccepted(date),
        ClockEffectKind.Stopped when !stepIsFinal && phase == ClockPhase.InProgress => new ClockEvent.PhaseIssued(date),
        _ => null,
    };
}
