using System.Text.Json;
using ApprovalCenter.Calendar;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Uploads;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Cases;

public sealed partial class CaseService
{
    /// <summary>
    /// Submits an application, from the portal's check-answers page or the API alike: the answers
    /// must pass the application form, the item's required materials must be stored uploads of the
    /// applicant, and the declaration (or commitment letter) of the mode must be signed. Then a case
    /// number, the engine started on the mode's process with the bureau's facts only, and the
    /// clock's receipt dated by the service hours (after hours counts from the next working day).
    /// </summary>
    public async Task<CaseRecord> SubmitAsync(CaseApplication application, AppUser applicant, CaseActor actor, CancellationToken ct = default)
    {
        var snapshot = await catalogs.GetAsync(ct);
        var item = snapshot.Catalog.Find(application.ItemCode) ?? throw CaseException.Invalid($"事项“{application.ItemCode}”不存在或已停止办理。", "itemCode");
        var mode = application.Mode;
        var process = ProcessFor(item, mode);
        await CheckModeEligibleAsync(item, mode, applicant.Id, ct);
        var licence = await RenewableLicenceAsync(application, item, applicant.Id, ct);
        if (licence is not null) process = RenewalProcess;

        var (answers, errors) = ActionInputValidator.Validate(ActionCatalog.Submit, application.Answers, InputContext.None);
        var (files, materialErrors) = await CheckMaterialsAsync(item, mode, application.Materials, applicant.Id, ct);
        errors.AddRange(materialErrors);
        var signed = SignedTexts.For(mode);
        if (application.SignedVersion != signed.Version)
            errors.Add(new InputError("declaration", $"请阅读并签署《{signed.Title}》（版本 {signed.Version}）后再提交。"));
        if (errors.Count > 0) throw CaseException.Invalid(errors);

        var now = time.GetUtcNow();
        var calendar = await calendars.GetAsync(ct);
        var receivedOn = hours.CountingDate(now, calendar).Value;
        var record = new CaseRecord
        {
            Id = Guid.NewGuid(), Number = await CaseNumbers.NextAsync(db, now.ToOffset(ServiceHours.ChinaStandardTime).Year, ct),
            ItemCode = item.Code, ItemName = item.Name, Department = item.Department, Mode = mode, ProcessId = process,
            Status = CaseStatus.Running, ApplicantId = applicant.Id, ApplicantName = applicant.DisplayName,
            ApplicantCode = applicant.CreditCode ?? applicant.IdNumber, PromisedDays = item.PromisedDays,
            StatutoryDays = mode == CaseMode.Joint ? 45 : item.StatutoryDays, JointHandling = mode == CaseMode.Joint, TimeRules = item.Rules,
            DataJson = JsonSerializer.Serialize(answers, Json), ReceivedAt = now, CreatedAt = now, UpdatedAt = now,
        };
        foreach (var (material, file) in files)
            db.Add(new CaseFile
            {
                Id = Guid.CreateVersion7(), CaseId = record.Id, MaterialName = material, StoredFileId = file.Id,
                Stage = CaseFileStage.Application, UploadedAt = file.UploadedAt, UploadedBy = applicant.Id,
            });

        var engineData = BureauFacts(record, item, mode, files.Keys, application, now);
        foreach (var key in ActionCatalog.RoutingAnswers)
            if (answers.TryGetValue(key, out var v)) engineData[key] = v;
        if (licence is not null) AddRenewalFacts(engineData, licence);
        var started = new WorkflowEngine(snapshot.Definitions).Start(process, record.Number, actor.ToEngineActor(), engineData, now);
        if (!started.IsSuccess) throw ToCaseException(started.Error!);
        db.Add(record);
        if (licence is not null) await StartRenewalAsync(record, licence, ct);
        await ApplyAsync(record, started, [new ClockEvent.Received(receivedOn, now)], actor, "submit", ActionCatalog.Submit.Summary, null, calendar, ct);
        return record;
    }

    /// <summary>What the engine starts with: only what the bureau owns or computed, never the applicant's free text.</summary>
    private static Dictionary<string, object?> BureauFacts(CaseRecord record, CatalogItem item, CaseMode mode, IEnumerable<string> uploaded, CaseApplication application, DateTimeOffset now)
    {
        var have = uploaded.ToHashSet();
        var missingTolerable = item.TolerableMaterials.Where(m => !have.Contains(m)).ToList();
        var data = new Dictionary<string, object?>
        {
            ["department"] = item.Department, ["itemCode"] = item.Code, ["caseNumber"] = record.Number,
            [CaseFacts.HighRisk] = item.HighRisk,
            [CaseFacts.CoreMaterialsComplete] = item.CoreMaterials.All(have.Contains),
            ["declarationVersion"] = application.SignedVersion,
            ["declarationSignedAt"] = (application.SignedAt ?? now).ToString("O"),
            [CaseFacts.CommitmentLetterSigned] = mode == CaseMode.Commitment && application.SignedVersion == SignedTexts.CommitmentLetter.Version,
        };
        if (mode == CaseMode.Tolerance && missingTolerable.Count > 0)
            data[CaseFacts.MissingMaterials] = string.Join("\n", missingTolerable.Select(m => $"{m}：容缺，受理后补齐"));
        if (mode == CaseMode.Commitment && missingTolerable.Count > 0)
            data["committedMaterials"] = string.Join("\n", missingTolerable.Select(m => $"{m}：以告知承诺代替"));
        return data;
    }

    /// <summary>The offered materials must be the item's, stored uploads of this applicant, with
    /// every core material present and, outside the tolerance and commitment modes, every material.</summary>
    private async Task<(Dictionary<string, StoredFile> Files, List<InputError> Errors)> CheckMaterialsAsync(
        CatalogItem item, CaseMode mode, IReadOnlyList<AttachedMaterial> offered, string applicantId, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var names = item.Materials.Select(m => m.Name).ToHashSet();
        foreach (var m in offered.Where(m => !names.Contains(m.Material)))
            errors.Add(new InputError("materials", $"“{m.Material}”不是本事项的申请材料。"));
        var ids = offered.Select(m => m.FileId).Distinct().ToList();
        var stored = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id) && f.UploadedBy == applicantId)
            .Select(f => new StoredFile { Id = f.Id, FileName = f.FileName, UploadedAt = f.UploadedAt, UploadedBy = f.UploadedBy }).ToDictionaryAsync(f => f.Id, ct);
        var files = new Dictionary<string, StoredFile>();
        foreach (var m in offered.Where(m => names.Contains(m.Material)))
        {
            if (stored.TryGetValue(m.FileId, out var f)) files[m.Material] = f;
            else errors.Add(new InputError("materials", $"“{m.Material}”的文件不存在或不是您上传的，请重新上传。"));
        }
        var missingCore = item.CoreMaterials.Where(c => !files.ContainsKey(c)).ToList();
        if (missingCore.Count > 0) errors.Add(new InputError("materials", $"请上传全部核心材料，尚缺：{string.Join("、", missingCore)}。"));
        var missingTolerable = item.TolerableMaterials.Where(c => !files.ContainsKey(c)).ToList();
        if (missingTolerable.Count > 0 && mode is not (CaseMode.Tolerance or CaseMode.Commitment))
            errors.Add(new InputError("materials", $"一般程序须提交全部材料，尚缺：{string.Join("、", missingTolerable)}（可容缺的材料可选择容缺受理或告知承诺方式）。"));
        return (files, errors);
    }
}
