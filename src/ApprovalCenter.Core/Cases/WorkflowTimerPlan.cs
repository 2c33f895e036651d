using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Cases;

/// <summary>One workflow timer a case should have now: which timer of which token, and when.</summary>
public sealed record PlannedWorkflowTimer(string TimerName, string StepId, string TokenId, DateTimeOffset? DueAt);

/// <summary>
/// The workflow timers (intake lapse, supplement period, tolerance supplement deadline,
/// verification, closing, offsets) a case should have on a given calendar, worked out again from
/// its instance and clock instead of remembered: when a year's notice is loaded or corrected the
/// same rules give the new instants (issue 10, defect 6). A timer counted from the day its step was
/// entered (verification, closing, "5wd") keeps that day as its start, so only the calendar moves it.
/// Timers the clock covers itself (promised, statutory, delivery) are left to the clock; the
/// verification period is the case's own (its item's), read from the clock's limits.
/// </summary>
public static class WorkflowTimerPlan
{
    public static IReadOnlyList<PlannedWorkflowTimer> For(WorkflowInstance instance, ProcessDefinition definition, CaseClock clock,
        WorkingCalendar calendar, int closingDays = 15)
    {
        var plan = new List<PlannedWorkflowTimer>();
        foreach (var token in instance.Tokens)
        {
            if (!definition.Steps.TryGetValue(token.StepId, out var step)) continue;
            var timers = step.Timers.Where(t => !DueResolution.CoveredByClock.Contains(t.Due)).ToList();
            if (timers.Count == 0) continue;
            var entered = EnteredOn(instance, token.StepId);
            foreach (var t in timers)
                plan.Add(new(t.Name, step.Id, token.Id, DueResolution.Resolve(t.Due, clock, calendar, entered, closingDays)));
        }
        return plan;
    }

    /// <summary>The China date of the transition that last entered <paramref name="stepId"/>: the
    /// "today" the engine's ScheduleTimer effect was resolved against when the step was entered.</summary>
    public static DateOnly EnteredOn(WorkflowInstance instance, string stepId)
    {
        var entry = instance.Journal.LastOrDefault(j => j.To.Contains(stepId)) ?? instance.Journal.LastOrDefault();
        return entry is null ? DateOnly.MinValue : ClockDating.ChinaDate(entry.At);
    }
}
