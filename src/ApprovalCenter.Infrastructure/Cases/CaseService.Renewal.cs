using System.Globalization;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Cases;

/// <summary>
/// Renewal of a licence with a term (ALL Art. 50): applied for at least 30 days before it expires,
/// and deemed renewed when the bureau has not decided by the expiry. The deadline is a durable timer
/// (kind "renewal", due at the end of the licence's last day in business time), so the deemed
/// renewal happens by itself, once, also when no node was up at that instant.
/// </summary>
public sealed partial class CaseService
{
    public const string RenewalProcess = "renewal";
    public const string TimerKindRenewal = "renewal";
    public static string RenewalTimerKey(string number) => $"renewal:{number}";

    /// <summary>The licence to renew, when the application names one: it must be the applicant's, of
    /// this item, not already being renewed, and applied for in time, judged by the real China-time day
    /// of the application (an applicant's act is on time when it happens in time, issue 10 defect 1).</summary>
    private async Task<Licence?> RenewableLicenceAsync(CaseApplication application, CatalogItem item, string applicantId, CancellationToken ct)
    {
        if (application.RenewsLicence is not { } typed || string.IsNullOrWhiteSpace(typed)) return null;
        var number = typed.Trim();
        if (application.Mode != CaseMode.Normal) throw CaseException.Invalid("延续申请按一般程序办理，不适用容缺受理、告知承诺或并联审批。", "mode");
        var licence = await db.Set<Licence>().FirstOrDefaultAsync(l => l.Number == number, ct);
        if (licence is null || licence.HolderId != applicantId) throw CaseException.Invalid($"未找到您名下编号为“{number}”的许可证。", "renewsLicence");
        var issuedBy = (await catalogs.GetAsync(ct)).Catalog.Find(licence.ItemCode);
        if (!Renewal.Renews(item.Code, item.Name, licence.ItemCode, issuedBy?.Name ?? ""))
            throw CaseException.Invalid($"许可证“{number}”不能通过“{item.Name}”延续，请选择该许可证的延续事项。", "renewsLicence");
        if (licence.RenewalCaseNumber is { } open) throw CaseException.Conflict($"许可证“{number}”已有延续申请正在办理（{open}）。");
        if (Renewal.Refusal(ClockDating.ChinaDate(time.GetUtcNow()), licence.ValidUntil) is { } late) throw CaseException.Invalid(late, "renewsLicence");
        return licence;
    }

    /// <summary>The licence's facts the process and the sealed notice read: bureau-owned, from the register.</summary>
    private static void AddRenewalFacts(Dictionary<string, object?> engineData, Licence licence)
    {
        engineData["licenceNumber"] = licence.Number;
        engineData["licenceValidUntil"] = licence.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private async Task StartRenewalAsync(CaseRecord record, Licence licence, CancellationToken ct)
    {
        licence.RenewalCaseNumber = record.Number;
        licence.UpdatedAt = time.GetUtcNow();
        await timers.SetAsync(RenewalTimerKey(record.Number), TimerKindRenewal, record.Number, Renewal.DeemedAt(licence.ValidUntil), ct);
    }

    /// <summary>The licence expired with its renewal undecided: the law deems it renewed. The process
    /// moves to its final step (the sealed notice and the applicant's message come from there), the
    /// clock records the deemed decision at the expiry, and the register gets the renewed term.
    /// A renewal decided in time, or ended otherwise, has nothing left to do here.</summary>
    public async Task OnLicenceExpiryAsync(string number, DateTimeOffset dueAt, CancellationToken ct)
    {
        _notBefore = dueAt;
        var record = await LoadAsync(number, ct);
        if (record.Status != CaseStatus.Running) return;
        var calendar = await calendars.GetAsync(ct);
        var events = ClockEventJson.Deserialize(record.ClockEventsJson).ToList();
        var clock = BuildClock(record, events, calendar);
        if (clock.DecidedOn is not null) return;
        var licence = await db.Set<Licence>().FirstAsync(l => l.RenewalCaseNumber == number, ct);
        var (from, until) = Renewal.RenewedTerm(licence.ValidFrom, licence.ValidUntil);
        var instance = WorkflowInstanceJson.Deserialize(record.InstanceJson);
        var facts = new Dictionary<string, object?>
        {
            ["licenceRenewedFrom"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["licenceRenewedUntil"] = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var result = new WorkflowEngine((await catalogs.GetAsync(ct)).Definitions).Raise(instance, Labels.RenewalEvent, facts, Now());
        if (!result.IsSuccess)
        {
            // E.g. still waiting for the applicant's supplements: the application was never complete.
            Journal(record, CaseActor.System, "timer:" + TimerKindRenewal, $"许可有效期已届满，延续申请尚未受理，不视为准予延续（{result.Error!.Reason}）", null, record.CurrentSteps, record.CurrentSteps, null);
            using (CaseWriteScope.Open()) await db.SaveChangesAsync(ct);
            return;
        }
        // The deemed decision is dated at the expiry; an open Art. 45 procedure ends with it.
        var expiry = licence.ValidUntil < events[^1].Date ? events[^1].Date : licence.ValidUntil;
        if (clock.Phase == ClockPhase.Paused) events.Add(new ClockEvent.PauseEnded(expiry));
        if (clock.AcceptedOn is not null) events.Add(new ClockEvent.Decided(expiry));
        licence.Status = LicenceStatus.DeemedRenewed;
        licence.ValidFrom = from;
        licence.ValidUntil = until;
        licence.RenewalCaseNumber = null;
        licence.UpdatedAt = time.GetUtcNow();
        await ApplyAsync(record, result, events, CaseActor.System, "timer:" + TimerKindRenewal,
            $"{Labels.Event(Labels.RenewalEvent)}：许可证 {licence.Number} 有效期延续至 {until:yyyy-MM-dd}", null, calendar, ct);
    }

    /// <summary>A renewal decided in time (approved: the register gets the renewed term; denied: the licence
    /// runs out at its date) or ended without a decision (refused, not accepted, withdrawn) frees its
    /// licence and cancels the deemed-renewal timer.</summary>
    private async Task EndRenewalAsync(CaseRecord record, bool renewed, CancellationToken ct)
    {
        if (record.ProcessId != RenewalProcess) return;
        await timers.CancelAsync(RenewalTimerKey(record.Number), ct);
        var licence = db.Set<Licence>().Local.FirstOrDefault(l => l.RenewalCaseNumber == record.Number)
            ?? await db.Set<Licence>().FirstOrDefaultAsync(l => l.RenewalCaseNumber == record.Number, ct);
        if (licence is null || licence.RenewalCaseNumber != record.Number) return;
        if (renewed)
        {
            (licence.ValidFrom, licence.ValidUntil) = Renewal.RenewedTerm(licence.ValidFrom, licence.ValidUntil);
            licence.Status = LicenceStatus.Renewed;
        }
        licence.RenewalCaseNumber = null;
        licence.UpdatedAt = time.GetUtcNow();
    }
}
