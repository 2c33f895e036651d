using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Ratings;

/// <summary>
/// The supervisors' monthly report (督查月报) as a sealed PDF, issued like every other document: composed as
/// <see cref="DocumentContent"/>, sealed by <see cref="SealedDocumentService"/> (seal, QR code to /verify, signature)
/// and stored as an <see cref="IssuedDocument"/> so its verification page finds it. It is the bureau's own
/// document, not a case's: its "case number" is DC-yyyy-MM and its case id empty.
/// </summary>
public sealed class MonthlyReport(AppDbContext db, RatingStatistics stats, CatalogProvider catalogs, SealedDocumentService sealer, BusinessClock clock)
{
    public static string NumberOf(string month) => $"DC-{month}";

    public async Task<IssuedDocument> IssueAsync(string month, DateTimeOffset from, DateTimeOffset to, CaseActor actor, CancellationToken ct = default)
    {
        var f = new RatingFilter(from, to);
        var v = await stats.TotalsAsync(f, ct);
        var orders = await stats.WorkOrdersAsync(f, ct);
        var compression = CompressionReport.From((await catalogs.GetAsync(ct)).Catalog.Items).Overall;
        var overdue = await db.Set<CaseRecord>().AsNoTracking()
            .Where(c => c.Status == CaseStatus.Running && (c.ClockState == nameof(ClockState.PromisedExceeded) || c.ClockState == nameof(ClockState.StatutoryExceeded)))
            .OrderBy(c => c.PromisedDeadline).Select(c => new { c.Number, c.ItemName, c.ClockState, c.PromisedDeadline }).Take(20).ToListAsync(ct);
        var (fromUtc, toUtc) = (from.ToUniversalTime(), to.ToUniversalTime());
        var bad = await (from r in db.Set<Rating>().AsNoTracking()
                         join w in db.Set<WorkOrder>().AsNoTracking() on r.Id equals w.RatingId into ws
                         from w in ws.DefaultIfEmpty()
                         where r.RatedAt >= fromUtc && r.RatedAt < toUtc && (r.Level == RatingLevel.Dissatisfied || r.Level == RatingLevel.VeryDissatisfied)
                         orderby r.RatedAt
                         select new { r.CaseNumber, r.Level, r.Excluded, r.ItemName, Step = (WorkOrderStep?)w.Step, w.CallbackAt, w.RectificationText }).Take(40).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(ApprovalCenter.Calendar.ServiceHours.ChinaStandardTime).DateTime);
        var content = new DocumentContent
        {
            Kind = DocumentKind.SupervisionReport, Title = DocumentKind.SupervisionReport.Title(), CaseNumber = NumberOf(month), IssueDate = today,
            Applicant = new DocumentParty("清远高新区行政审批局", "报送", "局长、各部门首席代表"),
            Item = new DocumentItem($"{month} 政务服务好差评与时限督查", "DC"),
            Fields =
            [
                new("统计月份", month),
                new("好评率", RatingIndicators.Percent(v.GoodRate)),
                new("主动评价好评率", RatingIndicators.Percent(v.VoluntaryGoodRate)),
                new("未评价率", RatingIndicators.Percent(v.UnratedRate)),
                // Short labels: the renderer's label column is narrow.
                new("评价数", $"{v.Counted}（其中默认评价 {v.Default}）"),
                new("差评数", $"{v.Bad}（另有申诉剔除 {v.Excluded}）"),
                new("差评工单", $"{orders.Total}（已回访 {orders.CalledBack}）"),
                new("回访率", RatingIndicators.Percent(orders.CallbackRate)),
                new("时限压缩", $"{compression.ItemCount} 项事项法定时限合计 {compression.StatutoryDays} 个工作日，承诺 {compression.PromisedDays} 个工作日，压缩 {compression.Percent}%"),
            ],
            Paragraphs =
            [
                overdue.Count == 0 ? "超期件：本月末无超承诺时限或超法定时限的在办件。"
                    : $"超期件：{overdue.Count} 件在办件超过时限：" + string.Join("；", overdue.Select(o => $"{o.Number}（{o.ItemName}，{(o.ClockState == nameof(ClockState.StatutoryExceeded) ? "超法定时限" : "超承诺时限")}，承诺 {o.PromisedDeadline:yyyy-MM-dd}）")) + "。",
                $"差评整改：回访超期 {orders.CallbackLate} 件，整改超过 5 个工作日 {orders.RectificationLate} 件，超过 15 个工作日上限 {orders.CapExceeded} 件。实名差评回访率应达 100%。",
            ],
            Table = new DocumentTable("差评及整改情况", ["办件编号", "事项", "评价", "整改环节", "整改措施"],
                bad.Count == 0 ? [["—", "本月无差评", "", "", ""]]
                    : bad.Select(b => (IReadOnlyList<string>)[b.CaseNumber ?? "", b.ItemName, RatingLevels.Label(b.Level) + (b.Excluded ? "（申诉成立，不计入）" : ""),
                        b.Step is { } s ? WorkOrderFlow.Label(s) : "—", b.RectificationText ?? ""]).ToList(),
                [2.2, 2.6, 1.4, 1.2, 2.6]),
        };
        var sealedDoc = sealer.Seal(content);
        var doc = new IssuedDocument
        {
            Id = Guid.NewGuid(), CaseId = Guid.Empty, CaseNumber = content.CaseNumber, Kind = DocumentKind.SupervisionReport, Title = content.Title,
            DocumentNumber = sealedDoc.DocumentNumber, VerificationCode = sealedDoc.VerificationCode, Sha256 = sealedDoc.Sha256Hex,
            SignerSubject = sealedDoc.SignerSubject, SignedAt = sealedDoc.SignedAt, Pdf = sealedDoc.Pdf, IssuedBy = actor.UserId,
        };
        db.Add(doc);
        await db.SaveChangesAsync(ct);
        return doc;
    }
}
