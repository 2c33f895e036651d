using ApprovalCenter.Documents;
using ApprovalCenter.Catalog;
using ApprovalCenter.Tests.Workflow;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Catalog;

/// <summary>Every one of the 80 catalog items runs through the happy path of its process in the engine.</summary>
public class CatalogHappyPathTests
{
    public static IEnumerable<TestCaseData> Items() =>
        WorkflowFiles.Catalog.Items.Select(i => new TestCaseData(i.Code).SetName($"{i.Code} {i.Name} ({i.Process})"));

    [TestCaseSource(nameof(Items))]
    public void Item_reaches_approval_through_its_process(string code)
    {
        var item = WorkflowFiles.Catalog.Find(code)!;
        var dept = item.Department;
        var host = WorkflowFiles.NewHost();
        var start = host.Start(item.Process, code, new Actor("clerk", "Clerk"),
            new Dictionary<string, object?> { ["itemCode"] = code, ["department"] = dept, ["applicantId"] = Scenario.ApplicantId }, WorkflowFiles.T0);
        Assert.That(start.IsSuccess, Is.True, () => start.Error!.Reason);
        var script = item.Process == CatalogItem.ImmediateProcess
            ? $"Clerk:accept; ChiefRepresentative/{dept}:approve"
            : $"Clerk:accept; Reviewer/{dept}:submit-opinion opinion=符合法定条件; ChiefRepresentative/{dept}:approve; Clerk:deliver";
        Scenario.Run(host, code, script);
        var c = host[code];
        Assert.That(c.Outcome, Is.EqualTo("approved"));
        var docs = host.EffectLog.OfType<IssueDocument>().Select(d => d.Kind).ToList();
        Assert.That(docs, Is.EqualTo(new[] { DocumentKind.AcceptanceNotice, DocumentKind.ApprovalDecision, DocumentKind.Certificate }));
        Assert.That(host.EffectLog.OfType<ClockChange>().First().Kind, Is.EqualTo(ClockEffectKind.Counts));
        Assert.That(c.Journal.Where(j => j.Kind == "action").Select(j => j.Role), Does.Contain("ChiefRepresentative"));
    }
}
