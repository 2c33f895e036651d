using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using static ApprovalCenter.Tests.Calendar.TestCalendars;
using E = ApprovalCenter.Clock.ClockEvent;

namespace ApprovalCenter.Tests.Clock;

/// <summary>
/// Issue 10, defect 7: joint handling (ALL Art. 26, 42(2)) is 45 wd, extendable once by 15 wd with the
/// approval of the government at the same level, recorded by the number of its written reply.
/// Dates by hand on the 2026 calendar: accepted Mon Mar 2; Apr 4–6 and May 1–5 are holidays, Sat May 9 a
/// make-up day. 45 wd end Fri May 8; 15 more: May 9, 11–15, 18–22, 25–28 ⇒ Thu May 28.
/// </summary>
public sealed class JointExtensionTests
{
    private const string Reply = "清新府函〔2026〕15号";
    private static readonly E[] Accepted = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02"))];

    private static CaseClockResult Build(params E[] more) => CaseClock.Build(ClockLimits.Joint(10), [.. Accepted, .. more], Official);

    [Test]
    public void ALL_Art_42_2_the_joint_limit_is_extended_by_15_wd_with_the_governments_reply()
    {
        Assert.That(Build().Clock!.StatutoryDeadline!.Date, Is.EqualTo(D("2026-05-08")));
        var extended = Build(new E.ExtensionGranted(D("2026-04-20"), 15, ExtensionApprover.LocalGovernment, "局长", "涉及三个部门现场核查", Reply));
        Assert.That(extended.Error, Is.Null);
        Assert.That(extended.Clock!.StatutoryDeadline!.Date, Is.EqualTo(D("2026-05-28")));
        Assert.That(extended.Clock.Extension!.ApprovalDocument, Is.EqualTo(Reply));
        var line = extended.Clock.Explain(DeadlineKind.Statutory)!.Lines.Single(l => l.Kind == ExplanationLineKind.Extension).Text;
        Assert.That(line, Does.Contain("本级人民政府").And.Contain(Reply).And.Contain("延长 15 个工作日"));
    }

    [Test]
    public void ALL_Art_42_2_a_government_extension_without_the_replys_number_is_refused()
    {
        var error = Build(new E.ExtensionGranted(D("2026-04-20"), 15, ExtensionApprover.LocalGovernment, "局长", "理由", null)).Error!;
        Assert.That(error.Code, Is.EqualTo(ClockErrorCodes.ExtensionApprovalDocument));
        Assert.That(error.Message, Does.Contain("文号"));
        var later = Build(new E.ExtensionGranted(D("2026-04-20"), 15, ExtensionApprover.LocalGovernment, "局长", "理由", "清新府函〔2027〕1号")).Error!;
        Assert.That(later.Code, Is.EqualTo(ClockErrorCodes.ExtensionApprovalDocument), "a reply cannot be from a later year than its recording");
    }

    [Test]
    public void ALL_Art_42_2_the_head_of_the_bureau_cannot_approve_a_joint_extension_and_16_wd_is_too_long()
    {
        Assert.That(Build(new E.ExtensionGranted(D("2026-04-20"), 10, ExtensionApprover.BureauHead, "局长", "理由")).Error!.Code,
            Is.EqualTo(ClockErrorCodes.ExtensionApprover));
        Assert.That(Build(new E.ExtensionGranted(D("2026-04-20"), 16, ExtensionApprover.LocalGovernment, "局长", "理由", Reply)).Error!.Code,
            Is.EqualTo(ClockErrorCodes.ExtensionTooLong));
    }

    [Test]
    public void The_clock_event_keeps_the_replys_number_through_storage()
    {
        var e = new E.ExtensionGranted(D("2026-04-20"), 15, ExtensionApprover.LocalGovernment, "局长", "理由", Reply);
        Assert.That(ClockEventJson.Deserialize(ClockEventJson.Serialize([e])).Single(), Is.EqualTo(e));
    }

    [TestCase("清新府函〔2026〕15号", "清新府函〔2026〕15号")]
    [TestCase("清新府函[2026]15号", "清新府函〔2026〕15号")]
    [TestCase(" 清远市人民政府办公室（2026）007号 ", "清远市人民政府办公室〔2026〕7号")]
    public void A_document_number_is_stored_with_hexagonal_brackets(string typed, string stored) =>
        Assert.That(OfficialDocumentNumber.Parse(typed).Number, Is.EqualTo(stored));

    [TestCase("15号")]
    [TestCase("府函2026-15")]
    [TestCase("清新府函〔26〕15号")]
    [TestCase("清新府函〔2026〕0号")]
    public void Something_that_is_not_a_document_number_is_refused_in_Chinese(string typed) =>
        Assert.That(OfficialDocumentNumber.Parse(typed).Error, Does.Contain("文号"));

    [Test]
    public void The_descriptor_refuses_a_bad_reply_number_and_stores_the_normalised_one()
    {
        var d = ActionCatalog.Find("approve-joint-extension")!;
        var (_, errors) = ActionInputValidator.Validate(d, new Dictionary<string, object?> { [ActionCatalog.GovernmentReplyNumber] = "同意" }, InputContext.None);
        Assert.That(errors.Single().Key, Is.EqualTo(ActionCatalog.GovernmentReplyNumber));
        var (data, ok) = ActionInputValidator.Validate(d, new Dictionary<string, object?> { [ActionCatalog.GovernmentReplyNumber] = "清新府函[2026]15号" }, InputContext.None);
        Assert.That(ok, Is.Empty);
        Assert.That(data[ActionCatalog.GovernmentReplyNumber], Is.EqualTo(Reply));
        Assert.That(d.Roles, Is.EqualTo(new[] { ApprovalCenter.Identity.Roles.BureauHead }));
        Assert.That(ActionCatalog.Find("request-joint-extension")!.Input("extensionDays")!.Max, Is.EqualTo(15));
    }

    [Test]
    public void The_joint_extension_notice_names_the_government_and_its_reply()
    {
        var h = new DocumentHeader("QYGX-2026-000123", D("2026-04-20"), DocumentParty.Organisation("清远示例建设有限公司", "91441800MA4WQY3K26", "x"),
            new DocumentItem("建筑工程施工许可证核发（新办）", "ZJ-001"));
        var text = string.Join("\n", DocumentTemplates.Extension(h, new(15, "涉及三个部门现场核查", D("2026-05-28"), "本级人民政府", Reply)).AllText());
        Assert.That(text, Does.Contain("经本级人民政府批准（清新府函〔2026〕15号）").And.Contain("第四十二条第二款").And.Contain("延长15个工作日"));
    }
}
