using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Identity;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Cases;

/// <summary>Carries out the engine's Notify and IssueDocument effects for a case. Everything is
/// staged on the case's DbContext, so it commits with the transition or not at all.</summary>
public sealed class CaseSideEffects(AppDbContext db, Notifier notifier, SealedDocumentService sealer, BusinessClock time)
{
    public async Task NotifyAsync(CaseRecord record, string recipient, string messageKey, CancellationToken ct)
    {
        var (title, body) = CaseMessages.For(messageKey, record);
        if (recipient == Roles.Applicant) await notifier.NotifyAsync(record.ApplicantId, title, body, $"/My/Cases/{record.Number}", record.Number, ct);
        else await NotifyRoleAsync(record, recipient, title, body, ct);
    }

    /// <summary>Everyone holding a role; department-scoped roles only in the case's department.</summary>
    public async Task NotifyRoleAsync(CaseRecord record, string role, string title, string body, CancellationToken ct)
    {
        var scoped = ApprovalCenter.Workflow.Actor.IsDepartmentScoped(role);
        var users = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == role && (!scoped || u.Department == record.Department)
                           select u.Id).ToListAsync(ct);
        foreach (var id in users) await notifier.NotifyAsync(id, title, body, $"/Staff/Cases/{record.Number}", record.Number, ct);
    }

    /// <summary>The department's reviewers and chief representatives.</summary>
    public async Task NotifyStaffAsync(CaseRecord record, string department, string title, string body, CancellationToken ct)
    {
        await NotifyRoleAsync(record, Roles.Reviewer, title, body, ct);
        await NotifyRoleAsync(record, Roles.ChiefRepresentative, title, body, ct);
    }

    /// <summary>Renders, seals and stores a document; its hash, signer and verification code are kept.</summary>
    public async Task<IssuedDocument> IssueDocumentAsync(CaseRecord record, WorkflowInstance instance, CaseClock clock, DocumentKind kind, CaseActor actor, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Calendar.ServiceHours.ChinaStandardTime).DateTime);
        var previous = await db.Set<IssuedDocument>().Where(d => d.CaseId == record.Id).ToListAsync(ct);
        var content = CaseDocumentContent.Build(kind, record, instance, clock, today, previous);
        var sealedDoc = sealer.Seal(content);
        var doc = new IssuedDocument
        {
            Id = Guid.NewGuid(), CaseId = record.Id, CaseNumber = record.Number, Kind = kind, Title = content.Title,
            DocumentNumber = sealedDoc.DocumentNumber, VerificationCode = sealedDoc.VerificationCode, Sha256 = sealedDoc.Sha256Hex,
            SignerSubject = sealedDoc.SignerSubject, SignedAt = sealedDoc.SignedAt, Pdf = sealedDoc.Pdf, IssuedBy = actor.UserId,
        };
        db.Add(doc);
        if (kind == DocumentKind.RevocationNotice)
        {
            // The revoked decision and certificate stop being valid: their verification pages say so.
            var now = time.GetUtcNow();
            foreach (var d in previous.Where(p => p.Kind is DocumentKind.ApprovalDecision or DocumentKind.Certificate && p.RevokedAt is null))
            {
                d.RevokedAt = now;
                d.RevocationReason = $"已被撤销（{doc.DocumentNumber}）";
            }
        }
        var (title, body) = CaseMessages.DocumentIssued(record, content.Title);
        await notifier.NotifyAsync(record.ApplicantId, title, body, $"/My/Cases/{record.Number}", record.Number, ct);
        return doc;
    }
}
