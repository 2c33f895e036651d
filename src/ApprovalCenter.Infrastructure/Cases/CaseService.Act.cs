using System.Text.Json;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Cases;

public sealed partial class CaseService
{
    /// <summary>
    /// One person's action on the case (accept, request supplements, decide, choose delivery, ...),
    /// whichever adapter it comes from. <see cref="CaseCommand.ExpectedVersion"/> is the workflow
    /// version the form was built on: when someone else acted in between, the action is refused
    /// with a conflict. Only the inputs the action's descriptor declares are accepted; the facts it
    /// needs are computed here, and a step handled by one person requires (or takes) the claim.
    /// </summary>
    public async Task<CaseRecord> ActAsync(CaseCommand command, CaseActor actor, CancellationToken ct = default)
    {
        try
        {
            return await ActOnceAsync(command, actor, ct);
        }
        catch (CaseException)
        {
            // Nothing staged for a refused action (a claim, supplement links) may ride on a later save.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<CaseRecord> ActOnceAsync(CaseCommand command, CaseActor actor, CancellationToken ct)
    {
        var descriptor = ActionCatalog.Find(command.Action) ?? throw CaseException.Invalid($"没有名为“{command.Action}”的操作。", "action");
        var record = await LoadAsync(command.Number, ct);
        if (actor.Role == Roles.Applicant && record.ApplicantId != actor.UserId)
            throw CaseException.Forbidden("只能办理本人提交的申请。");
        if (!descriptor.Roles.Contains(actor.Role))
            throw CaseException.Forbidden($"{Labels.Role(actor.Role)}无权执行“{descriptor.Label}”（允许：{string.Join("、", descriptor.Roles.Select(r => Labels.Role(r)))}）。");
        var instance = WorkflowInstanceJson.Deserialize(record.InstanceJson);
        if (command.ExpectedVersion is { } v && v != instance.Version) throw CaseException.Conflict(CaseException.ConcurrentChange);

        var snapshot = await catalogs.GetAsync(ct);
        var item = snapshot.Catalog.Find(record.ItemCode);
        var (input, errors) = ActionInputValidator.Validate(descriptor, command.Input, new InputContext(item?.Materials.Select(m => m.Name).ToList() ?? []));
        if (errors.Count > 0) throw CaseException.Invalid(errors);
        if (ActionCatalog.IsPromisedLimit(descriptor.Id)) return await PromisedLimitAsync(record, descriptor, input, actor, ct);
        if (descriptor.CaseOnly) return await RecordOnCaseAsync(record, descriptor, input, actor, ct);

        foreach (var guard in guards) await guard.CheckAsync(record, descriptor.Id, actor, ct);
        var definition = snapshot.Definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var claimed = await TakeClaimAsync(record, instance, definition, descriptor, actor, command.StepId, ct);
        var facts = await FactsAsync(record, instance, item, descriptor, actor, command.Files ?? [], ct);
        var data = new Dictionary<string, object?>(input);
        foreach (var (k, value) in facts) data[k] = value;

        var now = time.GetUtcNow();
        var result = new WorkflowEngine(snapshot.Definitions).Act(instance, descriptor.Id, actor.ToEngineActor(), data, now, command.StepId);
        if (!result.IsSuccess) throw ToCaseException(result.Error!);
        var calendar = await calendars.GetAsync(ct);
        var events = ClockEventJson.Deserialize(record.ClockEventsJson).ToList();
        // Only what the applicant hands in counts from the next working day when it arrives out of
        // hours; the bureau's acts carry their real date (the date on the sealed document).
        var byApplicant = actor.Role == Roles.Applicant;
        var countedOn = ClockDating.CountedOn(byApplicant, now, hours, calendar, events.Count > 0 ? events[^1].Date : null);
        var clockData = result.Instance!.Data;
        var clockEvent = descriptor.Clock?.Invoke(new ClockInput(countedOn, clockData, actor.UserName, ClockDating.ChinaDate(now)));
        if (clockEvent is not null) events.Add(clockEvent);
        var before = events.Count > 0 && clockEvent is null ? CaseClock.Build(LimitsOf(record), events, calendar, Today(), events.Count).Clock : null;
        var issuesCertificate = result.Effects.Any(e => e is IssueDocument { Kind: Documents.DocumentKind.Certificate });
        events.AddRange(ClockDating.Implied(before, clockEvent, countedOn, issuesCertificate, clockData.GetValueOrDefault("certificateWithheld") is true));
        // ALL Art. 50: a renewal decided before the expiry settles the licence now, not at hand-over.
        if (clockEvent is ClockEvent.Decided) await EndRenewalAsync(record, renewed: descriptor.Id == "approve", ct);
        var reason = descriptor.ReasonKey is { } key ? input.GetValueOrDefault(key) as string : null;
        await ApplyAsync(record, result, events, actor, descriptor.Id, descriptor.Summary + (descriptor.Detail?.Invoke(input) is { } detail ? "（" + detail + "）" : "") + (claimed ? "（同时认领）" : ""), reason, calendar, ct, stepDate: countedOn);
        return record;
    }

    /// <summary>An action that records what the applicant declared without moving the process (the
    /// delivery choice): merged into the applicant's data, journaled, one commit.</summary>
    private async Task<CaseRecord> RecordOnCaseAsync(CaseRecord record, ActionDescriptor descriptor, Dictionary<string, object?> input, CaseActor actor, CancellationToken ct)
    {
        if (record.Status != CaseStatus.Running) throw CaseException.Conflict("办件已办结，不能再更改。");
        var declared = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(record.DataJson, Json) ?? [];
        foreach (var (k, value) in input) declared[k] = JsonSerializer.SerializeToElement(value, Json);
        record.DataJson = JsonSerializer.Serialize(declared, Json);
        record.UpdatedAt = time.GetUtcNow();
        var detail = string.Join("，", input.Where(kv => kv.Value is not null).Select(kv => kv.Key == "deliveryMethod" ? DeliveryMethods.Name(kv.Value as string) : kv.Value?.ToString()));
        Journal(record, actor, descriptor.Id, $"{descriptor.Summary}：{detail}", null, record.CurrentSteps, record.CurrentSteps, null);
        _depth++;
        try { await SaveAsync(ct); }
        finally { _depth--; }
        return record;
    }
}
