using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Tests.Workflow;

namespace ApprovalCenter.Tests.Cases;

/// <summary>The descriptors are the allow-list: what they declare passes, anything else is refused by name.</summary>
public sealed class ActionDescriptorTests
{
    private static readonly InputContext Context = new(ActionSamples.Materials);

    private static IEnumerable<ActionDescriptor> Descriptors() => ActionSamples.All;

    [TestCaseSource(nameof(Descriptors))]
    public void The_sample_input_passes_and_an_undeclared_key_is_refused_by_name(ActionDescriptor d)
    {
        var (_, errors) = ActionInputValidator.Validate(d, ActionSamples.Valid(d), Context);
        Assert.That(errors, Is.Empty, $"{d.Id}: {string.Join("; ", errors)}");

        var forged = ActionSamples.Valid(d);
        forged["department"] = "环保";
        var (data, refused) = ActionInputValidator.Validate(d, forged, Context);
        if (d.Input("department") is not null) return;   // dispatch names the department on purpose (a choice of the six)
        Assert.That(refused.Select(e => e.Key), Is.EqualTo(new[] { "department" }));
        Assert.That(refused[0].Message, Does.Contain("department"));
    }

    [TestCaseSource(nameof(Descriptors))]
    public void No_fact_can_be_sent_by_a_client(ActionDescriptor d)
    {
        foreach (var fact in CaseFacts.All.Where(f => d.Input(f) is null))   // the one-time notice's missingMaterials is staff input, not a fact
        {
            var raw = ActionSamples.Valid(d);
            raw[fact] = false;
            var (_, errors) = ActionInputValidator.Validate(d, raw, Context);
            Assert.That(errors.Select(e => e.Key), Does.Contain(fact), $"{d.Id} accepted the fact {fact}");
            Assert.That(errors.First(e => e.Key == fact).Message, Does.Contain("由系统"));
        }
    }

    [TestCaseSource(nameof(Descriptors))]
    public void Every_required_input_left_out_is_named_with_its_Chinese_message(ActionDescriptor d)
    {
        foreach (var spec in d.Inputs.Where(i => i.Required))
        {
            var raw = ActionSamples.Valid(d);
            raw.Remove(spec.Key);
            var (_, errors) = ActionInputValidator.Validate(d, raw, Context);
            Assert.That(errors, Does.Contain(new InputError(spec.Key, spec.Message)), d.Id);
        }
    }

    [Test]
    public void Ranges_are_enforced_verificationDays_style_numbers_cannot_slip_through()
    {
        var extension = ActionCatalog.Find("request-extension")!;
        var raw = ActionSamples.Valid(extension);
        raw["extensionDays"] = 3000m;
        var (_, errors) = ActionInputValidator.Validate(extension, raw, Context);
        Assert.That(errors.Single().Key, Is.EqualTo("extensionDays"));
        Assert.That(errors.Single().Message, Does.Contain("1至10"));
    }

    [Test]
    public void A_one_time_notice_may_only_name_the_items_materials_each_with_a_reason()
    {
        var notice = ActionCatalog.Find("supplement-notice")!;
        var (_, unknown) = ActionInputValidator.Validate(notice, new Dictionary<string, object?> { ["missingMaterials"] = "营业执照：无" }, Context);
        Assert.That(unknown.Single().Message, Does.Contain("不是本事项的申请材料"));
        var (_, noReason) = ActionInputValidator.Validate(notice, new Dictionary<string, object?> { ["missingMaterials"] = ActionSamples.Materials[0] + "：" }, Context);
        Assert.That(noReason.Single().Message, Does.Contain("原因"));
    }

    [Test]
    public void Every_action_of_every_shipped_definition_has_a_descriptor_and_an_unknown_one_does_not_load()
    {
        var names = WorkflowFiles.Definitions.SelectMany(d => d.StepList).SelectMany(s => s.Actions).Select(a => a.Name).Distinct();
        Assert.That(names.Where(n => ActionCatalog.Find(n) is null), Is.Empty);

        var file = WorkflowFiles.Processes().First(f => f.Name.EndsWith("standard.json"));
        var broken = new ApprovalCenter.Workflow.SourceFile(file.Name, file.Text.Replace("\"submit-opinion\"", "\"rubber-stamp\""));
        var result = ApprovalCenter.Workflow.ProcessDefinitionLoader.LoadAll([broken], check: ActionCatalog.Check);
        Assert.That(result.IsSuccess, Is.False);
        Assert.That(string.Join("\n", result.Errors), Does.Contain("rubber-stamp").And.Contain("没有操作说明"));
    }

    [Test]
    public void Labels_come_from_the_descriptors()
    {
        Assert.That(Labels.Action("approve"), Is.EqualTo("准予许可"));
        Assert.That(Labels.Action("approve", english: true), Is.EqualTo("Approve"));
        Assert.That(Labels.ActionSummary("approve"), Is.EqualTo("作出准予行政许可决定"));
        Assert.That(Labels.Role("Clerk"), Is.EqualTo("窗口人员"));
    }
}
