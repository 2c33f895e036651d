using System.Text.Json;
using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Exemption;

/// <summary>What a self-check came to: the notice when exempt, otherwise the rules not met; or field errors.</summary>
public sealed record SelfCheckResult(ExemptionOutcome? Outcome, ExemptionDecision? Decision, IReadOnlyList<(string Key, string Message)> Errors);

/// <summary>
/// The exemption self-check (rules.md §2c): the server reads the applicant's answers, evaluates the
/// item's rules in force today and, when one exempts, issues the sealed 豁免告知书 at once and stores
/// the decision with the rule and catalog revision. No case is opened: an exempt project needs none.
/// </summary>
public sealed class ExemptionService(AppDbContext db, CatalogProvider catalogs, SealedDocumentService sealer, BusinessClock clock)
{
    public DateOnly Today => ClockDating.ChinaDate(clock.GetUtcNow());

    public async Task<(CatalogItem? Item, IReadOnlyList<ExemptionRule> Rules, IReadOnlyList<ExemptionField> Fields)> FormAsync(string code, CancellationToken ct = default)
    {
        var catalog = (await catalogs.GetAsync(ct)).Catalog;
        var item = catalog.Find(code);
        var rules = item is null ? [] : ExemptionCheck.RulesFor(catalog, item.Code, Today);
        return (item, rules, ExemptionFields.UsedBy(rules));
    }

    public async Task<SelfCheckResult> CheckAsync(string code, IReadOnlyDictionary<string, string?> raw, AppUser applicant, CancellationToken ct = default)
    {
        var snapshot = await catalogs.GetAsync(ct);
        var today = Today;
        if (snapshot.Catalog.Find(code) is not { } item) return new(null, null, [("item", "没有该事项")]);
        var rules = ExemptionCheck.RulesFor(snapshot.Catalog, item.Code, today);
        if (rules.Count == 0) return new(null, null, [("item", $"事项“{item.Name}”没有现行的豁免规则")]);
        var fields = ExemptionFields.UsedBy(rules);
        var (data, errors) = ExemptionFields.Read(fields, raw);
        if (errors.Count > 0) return new(null, null, errors);

        var outcome = ExemptionCheck.Decide(rules, data, today, item.Code);
        if (outcome.Exempting is not { } rule) return new(outcome, null, []);

        var answers = fields.Select(f => ExemptionFields.Describe(f, data[f.Key])).ToList();
        var number = $"HM{today:yyyyMMdd}{VerificationCode.New()[..6]}";
        var code2 = applicant.CreditCode ?? applicant.IdNumber ?? "";
        var party = UnifiedSocialCreditCode.IsValid(code2) && !ResidentIdNumber.IsValid(code2)
            ? DocumentParty.Organisation(applicant.DisplayName, code2) : DocumentParty.Person(applicant.DisplayName, code2);
        var content = DocumentTemplates.Exemption(new DocumentHeader(number, today, party, new DocumentItem(item.Name, item.Code)),
            new ExemptionInput(rule.Category, ExemptionFields.Readable(rule.Condition.Text), rule.ExemptedStep, rule.LegalBasis, rule.ValidTo, answers, rule.Id));
        var sealedDoc = sealer.Seal(content);
        var doc = new IssuedDocument
        {
            Id = Guid.NewGuid(), CaseId = null, CaseNumber = number, Kind = DocumentKind.ExemptionNotice, Title = content.Title,
            DocumentNumber = sealedDoc.DocumentNumber, VerificationCode = sealedDoc.VerificationCode, Sha256 = sealedDoc.Sha256Hex,
            SignerSubject = sealedDoc.SignerSubject, SignedAt = sealedDoc.SignedAt, Pdf = sealedDoc.Pdf, IssuedBy = "system:exemption",
        };
        var decision = new ExemptionDecision
        {
            Id = Guid.NewGuid(), Number = number, ItemCode = item.Code, ItemName = item.Name, RuleId = rule.Id, RuleCategory = rule.Category,
            RuleCondition = rule.Condition.Text, ExemptedStep = rule.ExemptedStep, CatalogRevision = snapshot.Revision, ApplicantId = applicant.Id, ApplicantName = applicant.DisplayName,
            ApplicantCode = string.IsNullOrEmpty(code2) ? null : code2,
            AnswersJson = JsonSerializer.Serialize(data), DecidedAt = sealedDoc.SignedAt, DocumentId = doc.Id,
        };
        db.AddRange(doc, decision);
        await db.SaveChangesAsync(ct);
        return new(outcome, decision, []);
    }

    public Task<List<ExemptionDecision>> OfApplicantAsync(string applicantId, CancellationToken ct = default) =>
        db.Set<ExemptionDecision>().AsNoTracking().Where(d => d.ApplicantId == applicantId).OrderByDescending(d => d.DecidedAt).ToListAsync(ct);

    public async Task<(ExemptionDecision Decision, IssuedDocument Document)?> OwnAsync(string number, string applicantId, CancellationToken ct = default)
    {
        var decision = await db.Set<ExemptionDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.Number == number && d.ApplicantId == applicantId, ct);
        if (decision is null) return null;
        var doc = await db.Set<IssuedDocument>().AsNoTracking().FirstAsync(d => d.Id == decision.DocumentId, ct);
        return (decision, doc);
    }
}
