using ApprovalCenter.Calendar;

namespace ApprovalCenter.Clock;

/// <summary>The deadlines a case has, each of which can be explained.</summary>
public enum DeadlineKind
{
    Intake,
    Promised,
    Statutory,
    Delivery,
}

/// <summary>What an explanation line is about, so a UI can lay lines out or pick some.</summary>
public enum ExplanationLineKind
{
    Limit,
    Start,
    Supplement,
    DeemedAcceptance,
    Pause,
    Extension,
    Calendar,
    Result,
}

/// <summary>One fact behind a deadline, with its dates and day count as data and as a Chinese sentence.</summary>
public sealed record ExplanationLine(ExplanationLineKind Kind, string Text, DateOnly? From = null, DateOnly? To = null, int? Days = null, bool Provisional = false);

/// <summary>
/// Why a deadline is the date it is (rules.md §1c: every deadline must be explainable): start date,
/// working days counted, each pause, the extension and the calendar years used.
/// </summary>
public sealed record DeadlineExplanation(DeadlineKind Kind, DateOnly Start, int LimitDays, ClockDeadline Deadline, IReadOnlyList<ExplanationLine> Lines)
{
    public string Title => Kind switch
    {
        DeadlineKind.Intake => "受理期限",
        DeadlineKind.Promised => "承诺办理期限",
        DeadlineKind.Statutory => "法定办理期限",
        _ => "送达期限",
    };

    /// <summary>The explanation as Chinese text, one fact per line.</summary>
    public string ToText() => $"{Title}：{Deadline.Date:yyyy-MM-dd}{(Deadline.Provisional ? "（暂定）" : "")}\n" + string.Join("\n", Lines.Select(l => "· " + l.Text));
}

public sealed partial class CaseClock
{
    /// <summary>All deadlines this case currently has, explained.</summary>
    public IReadOnlyList<DeadlineExplanation> Explanations =>
        Enum.GetValues<DeadlineKind>().Select(Explain).OfType<DeadlineExplanation>().ToList();

    /// <summary>The explanation of one deadline, or null when the case does not have it (yet).</summary>
    public DeadlineExplanation? Explain(DeadlineKind kind)
    {
        var lines = new List<ExplanationLine>();
        DateOnly start;
        int limit;
        ClockDeadline deadline;
        switch (kind)
        {
            case DeadlineKind.Intake:
                if (IntakeDeadline is null) return null;
                start = SupplementReceivedOn ?? ReceivedOn;
                limit = Limits.IntakeDays;
                deadline = IntakeDeadline;
                lines.Add(new(ExplanationLineKind.Limit, $"受理期限 {limit} 个工作日：应当场或在 {limit} 个工作日内作出受理、不予受理或一次性补正告知，逾期视为受理（《行政许可法》第三十二条）。", Days: limit));
                lines.Add(new(ExplanationLineKind.Start, SupplementReceivedOn is null
                    ? $"起算日：收到申请之日 {ChineseDates.Format(start)}，当日不计入。{ReceiptNote()}"
                    : $"起算日：收到补正材料之日 {ChineseDates.Format(start)}，当日不计入。", From: start));
                AddSupplementLine(lines);
                break;

            case DeadlineKind.Promised:
            case DeadlineKind.Statutory:
                if (AcceptedOn is not { } accepted) return null;
                start = accepted;
                var promised = kind == DeadlineKind.Promised;
                limit = promised ? PromisedLimitDays : StatutoryLimitDays;
                deadline = promised ? PromisedDeadline! : StatutoryDeadline!;
                lines.Add(new(ExplanationLineKind.Limit, promised
                    ? (Limits.IsImmediate ? "承诺时限 0 个工作日（即办件，受理当日办结）。" : $"承诺时限 {Limits.PromisedDays} 个工作日（法定时限 {Limits.StatutoryDays} 个工作日）{(PromisedExtension is { } px ? $"；{px.ApprovedOn:yyyy-MM-dd} 经督查批准延长 {px.Days} 个工作日（{px.Reason}），已告知申请人，共 {limit} 个工作日" : "")}。")
                    : $"法定时限 {Limits.StatutoryDays} 个工作日{(Limits.JointHandling ? "（联合办理，《行政许可法》第四十二条第二款）" : "")}{(Extension is null ? "" : $"，延长 {Extension.Days} 个工作日后为 {limit} 个工作日")}。", Days: limit));
                AddSupplementLine(lines);
                if (DeemedAccepted)
                {
                    var windowEnd = Calendar.AddWorkingDays(accepted, Limits.IntakeDays).Value;
                    lines.Add(new(ExplanationLineKind.DeemedAcceptance,
                        $"视为受理：{(SupplementReceivedOn is null ? "收到申请" : "收到补正材料")}后 {Limits.IntakeDays} 个工作日内（至 {windowEnd:yyyy-MM-dd}）未作出受理、不予受理或补正告知，依《行政许可法》第三十二条自 {accepted:yyyy-MM-dd} 起视为受理。",
                        From: accepted, To: windowEnd));
                }
                if (CommitmentOfferedOn is { } offered)
                    lines.Add(new(ExplanationLineKind.Supplement,
                        $"告知承诺：{offered:yyyy-MM-dd} 书面告知承诺事项，{start:yyyy-MM-dd} 申请人签署告知承诺书；等待签署的时间不计入办理时限。",
                        From: offered, To: start));
                if (_completedPhases.Count > 0)
                {
                    var last = _completedPhases[^1];
                    lines.Add(new(ExplanationLineKind.Supplement,
                        $"分阶段办理：此前 {_completedPhases.Count} 个阶段已办结（上一阶段 {last.DecidedOn:yyyy-MM-dd} 办结）；等待申请下一阶段的时间不计入办理时限，本阶段自 {start:yyyy-MM-dd} 申请起重新计时。",
                        From: last.DecidedOn, To: start));
                }
                var startName = DeemedAccepted ? "视为受理之日" : CommitmentOfferedOn is not null ? "申请人签署告知承诺书（受理）之日" : _completedPhases.Count > 0 ? "本阶段申请之日" : "受理之日";
                lines.Add(new(ExplanationLineKind.Start, $"起算日：{startName} {ChineseDates.Format(start)}，当日不计入（《民法典》第二百零一条）。{(DeemedAccepted && SupplementReceivedOn is null ? ReceiptNote() : "")}", From: start));
                var pausedTotal = 0;
                foreach (var p in _pauses)
                {
                    var end = p.To ?? (AsOf is { } a && a > p.ExpectedEnd ? a : p.ExpectedEnd);
                    var days = Calendar.CountWorkingDays(p.From, end).Value;
                    if (p.From > deadline.Date) continue; // a pause starting after the last day cannot move it; one on the last day does
                    pausedTotal += days;
                    lines.Add(new(ExplanationLineKind.Pause, p.To is null
                        ? $"暂停（不计入办理时限，《行政许可法》第四十五条）：{p.ReasonName}，自 {p.From:yyyy-MM-dd} 起，书面告知需 {p.ExpectedWorkingDays} 个工作日，预计至 {p.ExpectedEnd:yyyy-MM-dd}；尚未结束，按 {days} 个工作日预计。"
                        : $"暂停（不计入办理时限，《行政许可法》第四十五条）：{p.ReasonName}，{p.From:yyyy-MM-dd} 至 {end:yyyy-MM-dd}，扣除 {days} 个工作日（书面告知需 {p.ExpectedWorkingDays} 个工作日）。",
                        From: p.From, To: end, Days: days));
                }
                if (!promised && Extension is { } x)
                {
                    lines.Add(new(ExplanationLineKind.Extension,
                        $"延长：{x.GrantedOn:yyyy-MM-dd} 经{ClockNames.Of(x.Approver)}{(x.ApprovalDocument is { } doc ? $"批准（批复文号：{doc}，{x.ApprovedBy}登记）" : $"（{x.ApprovedBy}）批准")}延长 {x.Days} 个工作日，理由：{x.Reason.TrimEnd('。', '.')}。",
                        From: x.GrantedOn, Days: x.Days));
                }
                lines.Add(new(ExplanationLineKind.Result,
                    $"届满日：{ChineseDates.Format(deadline.Date)}，为起算日后第 {Calendar.CountWorkingDays(start, deadline.Date).Value} 个工作日（计入 {limit} 个工作日{(pausedTotal > 0 ? $" + 暂停 {pausedTotal} 个工作日" : "")}）{(deadline.Projected ? "；特别程序尚未结束，届满日为预计" : "")}。",
                    From: start, To: deadline.Date, Days: limit, Provisional: deadline.Provisional));
                AddCalendarLines(lines, start, deadline.Date);
                return new DeadlineExplanation(kind, start, limit, deadline, lines);

            case DeadlineKind.Delivery:
                if (DecidedOn is not { } decided || ReleasableOn is not { } releasable || DeliveryDeadline is not { } delivery) return null;
                start = releasable;
                limit = Limits.DeliveryDays;
                deadline = delivery;
                lines.Add(new(ExplanationLineKind.Limit, $"送达期限 {limit} 个工作日：自作出决定之日起 {limit} 个工作日内颁发、送达许可证件（《行政许可法》第四十四条）。", Days: limit));
                lines.Add(new(ExplanationLineKind.Start, releasable == decided
                    ? $"起算日：作出决定之日 {ChineseDates.Format(start)}，当日不计入。"
                    : $"起算日：{decided:yyyy-MM-dd} 作出决定时证件依法暂缓发放（容缺材料待核验），自可以发放之日 {ChineseDates.Format(start)} 起算，当日不计入。", From: start));
                break;

            default:
                return null;
        }
        lines.Add(new(ExplanationLineKind.Result, $"届满日：{ChineseDates.Format(deadline.Date)}，为起算日后第 {limit} 个工作日。", From: start, To: deadline.Date, Days: limit, Provisional: deadline.Provisional));
        AddCalendarLines(lines, start, deadline.Date);
        return new DeadlineExplanation(kind, start, limit, deadline, lines);
    }

    /// <summary>The real receipt time, and why the count starts later when it came in out of hours (rules.md §1a).</summary>
    private string ReceiptNote()
    {
        if (ReceivedAt is not { } at) return "";
        var local = ServiceHours.ToChinaTime(at);
        var day = DateOnly.FromDateTime(local.DateTime);
        var when = $"实际收到时间：{local:yyyy-MM-dd HH:mm}（北京时间）";
        if (day == ReceivedOn) return when + "。";
        var why = Calendar.IsWorkingDay(day).Value ? "下班后（延时服务）收到" : "非工作日（周六服务或节假日）收到";
        return $"{when}，{why}，依规定按下一个工作日 {ReceivedOn:yyyy-MM-dd} 收件起算。";
    }

    private void AddSupplementLine(List<ExplanationLine> lines)
    {
        if (SupplementRequestedOn is not { } requested) return;
        lines.Add(new(ExplanationLineKind.Supplement, SupplementReceivedOn is { } received
            ? $"补正：{requested:yyyy-MM-dd} 一次性告知补正，{received:yyyy-MM-dd} 收到补正材料；补正期间不计入期限。"
            : $"补正：{requested:yyyy-MM-dd} 一次性告知补正，补正期限至 {SupplementDeadline:yyyy-MM-dd}{(SupplementDeadline != requested.AddDays(Limits.SupplementNaturalDays) ? $"（第 {Limits.SupplementNaturalDays} 日 {requested.AddDays(Limits.SupplementNaturalDays):yyyy-MM-dd} 为法定节假日，依《民法典》第二百零三条顺延至节后第一个工作日）" : "")}；补正期间不计入期限。",
            From: requested, To: SupplementReceivedOn));
    }

    private void AddCalendarLines(List<ExplanationLine> lines, DateOnly from, DateOnly to)
    {
        for (var y = from.Year; y <= to.Year; y++)
        {
            var official = Calendar.GetYear(y);
            lines.Add(official is not null
                ? new(ExplanationLineKind.Calendar, $"工作日历：{y} 年依据{official.Source.Citation}。")
                : new(ExplanationLineKind.Calendar, $"工作日历：{y} 年放假安排尚未公布，暂按《全国年节及纪念日放假办法》推算（周末及法定节假日，无调休），本期限为暂定，公布后将重新计算。", Provisional: true));
        }
    }
}
