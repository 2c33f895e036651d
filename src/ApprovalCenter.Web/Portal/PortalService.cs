using System.Text.Json;
using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Uploads;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Portal;

/// <summary>A file on a draft or case, with the stored file's name and size (no content).</summary>
public sealed record PortalFile(CaseFile Link, string FileName, long Size, string ContentType);

/// <summary>A handling mode as offered to the applicant: disabled ones say why.</summary>
public sealed record ModeOption(CaseMode Mode, string Label, string Hint, bool Enabled, string? DisabledReason);

/// <summary>Where a draft stands, section by section (the task list).</summary>
public sealed record DraftStatus(bool Applicant, bool Project, bool MaterialsStarted, bool Materials, bool Mode, bool Declaration,
    IReadOnlyList<string> MissingCore, IReadOnlyList<string> MissingTolerable)
{
    public bool Complete => Applicant && Project && Materials && Mode && Declaration;
}

/// <summary>Expected dates shown on the confirmation page: the Art. 32 intake deadline, and the
/// promised and statutory deadlines if the case is accepted on the intake deadline day.</summary>
public sealed record ExpectedDates(DateOnly ReceivedOn, DateOnly? IntakeDeadline, DateOnly? Promised, DateOnly? Statutory, bool Provisional);

/// <summary>The applicant portal's logic: drafts, their materials and modes, submission.</summary>
public sealed class PortalService(
    AppDbContext db, CatalogProvider catalogs, CaseService cases, CalendarProvider calendars, DurableTimers timers, BusinessClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CatalogItem?> ItemAsync(string? code, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(code) ? null : (await catalogs.GetAsync(ct)).Catalog.Find(code.Trim());

    /// <summary>The draft key naming the licence a renewal application renews (ALL Art. 50); the register is checked at submission.</summary>
    public const string RenewsLicenceKey = "renewsLicence";

    public async Task<ApplicationDraft> CreateDraftAsync(CatalogItem item, AppUser user, CancellationToken ct = default, string? renewsLicence = null)
    {
        var now = clock.GetUtcNow();
        var data = new Dictionary<string, string>
        {
            ["applicantName"] = user.DisplayName,
            ["applicantCode"] = user.CreditCode ?? user.IdNumber ?? "",
            ["applicantContact"] = user.Kind == ApplicantKind.Individual ? user.DisplayName : "",
            ["applicantPhone"] = user.PhoneNumber ?? "",
        };
        if (renewsLicence is not null) data[RenewsLicenceKey] = renewsLicence;
        var draft = new ApplicationDraft
        {
            Id = Guid.CreateVersion7(), ApplicantId = user.Id, ItemCode = item.Code, DataJson = JsonSerializer.Serialize(data, Json),
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>The applicant's own draft, or null (someone else's draft is as good as missing).</summary>
    public Task<ApplicationDraft?> DraftAsync(Guid id, string applicantId, CancellationToken ct = default) =>
        db.Set<ApplicationDraft>().FirstOrDefaultAsync(d => d.Id == id && d.ApplicantId == applicantId, ct);

    public Task<List<ApplicationDraft>> DraftsOfAsync(string applicantId, CancellationToken ct = default) =>
        db.Set<ApplicationDraft>().AsNoTracking().Where(d => d.ApplicantId == applicantId).OrderByDescending(d => d.UpdatedAt).ToListAsync(ct);

    public Task<List<CaseRecord>> CasesOfAsync(string applicantId, CancellationToken ct = default) =>
        db.Set<CaseRecord>().AsNoTracking().Where(c => c.ApplicantId == applicantId && c.ParentCaseId == null).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);

    /// <summary>The applicant's own case, or null for a case of someone else (existence is not revealed).</summary>
    public Task<CaseRecord?> OwnCaseAsync(string number, string applicantId, CancellationToken ct = default) =>
        db.Set<CaseRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == number && c.ApplicantId == applicantId, ct);

    public static Dictionary<string, string> Data(ApplicationDraft draft) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(draft.DataJson, Json) ?? [];

    public async Task SaveDataAsync(ApplicationDraft draft, IReadOnlyDictionary<string, string> values, CancellationToken ct = default)
    {
        var data = Data(draft);
        foreach (var (k, v) in values) data[k] = v.Trim();
        draft.DataJson = JsonSerializer.Serialize(data, Json);
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public Task<List<PortalFile>> DraftFilesAsync(Guid draftId, CancellationToken ct = default) => FilesAsync(f => f.DraftId == draftId, ct);

    public Task<List<PortalFile>> CaseFilesAsync(Guid caseId, CancellationToken ct = default) => FilesAsync(f => f.CaseId == caseId, ct);

    private async Task<List<PortalFile>> FilesAsync(System.Linq.Expressions.Expression<Func<CaseFile, bool>> filter, CancellationToken ct) =>
        await (from f in db.Set<CaseFile>().AsNoTracking().Where(filter)
               join s in db.Set<StoredFile>().AsNoTracking() on f.StoredFileId equals s.Id
               orderby f.UploadedAt
               select new PortalFile(f, s.FileName, s.Size, s.ContentType)).ToListAsync(ct);

    /// <summary>Links a stored file to a material of a draft or case; a draft keeps one file per
    /// material (a new upload replaces the old link).</summary>
    public async Task AttachAsync(Guid? draftId, Guid? caseId, string material, StoredFile file, CaseFileStage stage, CancellationToken ct = default)
    {
        if (draftId is { } d)
        {
            var old = await db.Set<CaseFile>().Where(f => f.DraftId == d && f.MaterialName == material).ToListAsync(ct);
            db.RemoveRange(old);
        }
        if (caseId is { } c)
        {
            var old = await db.Set<CaseFile>().Where(f => f.CaseId == c && f.MaterialName == material && f.Stage == stage).ToListAsync(ct);
            db.RemoveRange(old);
        }
        db.Add(new CaseFile
        {
            Id = Guid.CreateVersion7(), DraftId = draftId, CaseId = caseId, MaterialName = material, StoredFileId = file.Id,
            Stage = stage, UploadedAt = clock.GetUtcNow(), UploadedBy = file.UploadedBy,
        });
        if (draftId is { } id && await db.Set<ApplicationDraft>().FindAsync([id], ct) is { } draft) draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public static DraftStatus Evaluate(ApplicationDraft draft, CatalogItem item, IReadOnlyCollection<PortalFile> files)
    {
        var data = Data(draft);
        bool Has(string key) => data.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v);
        var uploaded = files.Select(f => f.Link.MaterialName).ToHashSet();
        var missingCore = item.CoreMaterials.Where(m => !uploaded.Contains(m)).ToList();
        var missingTolerable = item.TolerableMaterials.Where(m => !uploaded.Contains(m)).ToList();
        var materialsDone = missingCore.Count == 0 && (missingTolerable.Count == 0 || draft.Mode is CaseMode.Tolerance or CaseMode.Commitment);
        var declared = draft.Mode is { } mode && draft.SignedAt is not null && draft.DeclarationVersion == PortalTexts.For(mode).Version;
        return new DraftStatus(
            Has("applicantName") && Has("applicantCode") && Has("applicantContact") && Has("applicantPhone") && Has("applicantAddress"),
            Has("projectName") && Has("projectLocation"),
            files.Count > 0, materialsDone, draft.Mode is not null, declared, missingCore, missingTolerable);
    }

    /// <summary>The modes the item allows; the special ones are disabled for a high-risk item
    /// (commitment) or an applicant with a credit record (rules.md §2a, §2b).</summary>
    public async Task<List<ModeOption>> ModesAsync(CatalogItem item, string applicantId, CancellationToken ct = default)
    {
        var blocked = await cases.IsBlockedFromSpecialModesAsync(applicantId, ct);
        const string blockedReason = "您有失信记录（如虚假承诺），暂不能选择容缺受理或告知承诺方式。";
        var options = new List<ModeOption>
        {
            new(CaseMode.Normal, "一般程序", item.PromisedDays == 0 ? "提交全部材料，当场办结。" : "提交全部申请材料（含可容缺材料），按承诺时限办理。", true, null),
        };
        if (item.Modes.Tolerance)
            options.Add(new(CaseMode.Tolerance, "容缺受理", "核心材料齐全即可受理，可容缺材料在通知的期限内补齐；补齐并核验前不发放结果。",
                !blocked, blocked ? blockedReason : null));
        if (item.Modes.Commitment)
            options.Add(new(CaseMode.Commitment, "告知承诺", "以书面承诺代替部分证明材料，审批后依法核查承诺内容。",
                !blocked && !item.HighRisk, item.HighRisk ? "本事项属于高风险事项，不适用告知承诺制。" : blocked ? blockedReason : null));
        if (item.Modes.JointReview)
            options.Add(new(CaseMode.Joint, "并联审批", "住建牵头，人防、水务、环保等涉及的部门同时审查，一次决定、一个窗口出件；按联合办理计算法定时限。", true, null));
        return options;
    }

    /// <summary>The departments a joint review forks to, as the applicant declares what the project involves
    /// (the lead department always reviews); the same keys the API takes.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> JointQuestions =
        [("needsCivilAirDefence", "涉及人防工程（人防）"), ("needsWater", "涉及供排水、水土保持等（水务）"), ("needsEnvironment", "涉及环境影响评价（环保）")];

    /// <summary>Submits the draft through the case handler, the same way the API submits: the
    /// draft's answers, its stored files as the materials and the signed version; then the draft is
    /// deleted — all in one transaction.</summary>
    public async Task<CaseRecord> SubmitAsync(ApplicationDraft draft, CatalogItem item, AppUser user, CaseActor actor, CancellationToken ct = default)
    {
        var files = await DraftFilesAsync(draft.Id, ct);
        var status = Evaluate(draft, item, files);
        if (!status.Complete) throw CaseException.Invalid("申请还有未完成的部分，请先完成全部任务。");
        var answers = Data(draft);
        var declared = new Dictionary<string, object?>();
        foreach (var spec in ApprovalCenter.Cases.Actions.ActionCatalog.Submit.Inputs)
            if (answers.TryGetValue(spec.Key, out var v) && !string.IsNullOrWhiteSpace(v)) declared[spec.Key] = v;
        var application = new CaseApplication(item.Code, draft.Mode!.Value, declared,
            files.Select(f => new AttachedMaterial(f.Link.MaterialName, f.Link.StoredFileId)).ToList(), draft.DeclarationVersion, draft.SignedAt,
            RenewsLicence: answers.GetValueOrDefault(RenewsLicenceKey));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var record = await cases.SubmitAsync(application, user, actor, ct);
        // The case now holds its own links to the stored files; the draft and its links go.
        db.RemoveRange(await db.Set<CaseFile>().Where(f => f.DraftId == draft.Id).ToListAsync(ct));
        db.Remove(draft);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // Inside our transaction CaseService left its timers pending; they go to Hangfire after the commit.
        await timers.FlushAsync(ct);
        return record;
    }

    /// <summary>The intake deadline of the received case and, if it is accepted on that day, when
    /// the promised and statutory limits would run out (working days on the official calendar).</summary>
    public async Task<ExpectedDates> ExpectedAsync(CaseRecord record, CaseClock caseClock, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        var intake = caseClock.IntakeDeadline?.Date;
        DateOnly? promised = null, statutory = null;
        var provisional = caseClock.IntakeDeadline?.Provisional == true;
        if (intake is { } day)
        {
            try
            {
                var p = calendar.AddWorkingDays(day, record.PromisedDays);
                var s = calendar.AddWorkingDays(day, record.StatutoryDays);
                (promised, statutory) = (p.Value, s.Value);
                provisional |= p.Provisional || s.Provisional;
            }
            catch (CalendarRangeException)
            {
                provisional = true;
            }
        }
        return new ExpectedDates(caseClock.ReceivedOn, intake, caseClock.PromisedDeadline?.Date ?? promised, caseClock.StatutoryDeadline?.Date ?? statutory, provisional);
    }

    /// <summary>The material names of a notice ("材料：原因" per line).</summary>
    public static List<(string Material, string Reason)> ParseMissing(string? text) => ApprovalCenter.Cases.Actions.MaterialLines.Parse(text);

    public static string? DataString(string dataJson, string key)
    {
        using var doc = JsonDocument.Parse(dataJson);
        return doc.RootElement.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
