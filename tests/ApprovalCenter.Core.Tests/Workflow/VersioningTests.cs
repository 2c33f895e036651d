using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Workflow;

/// <summary>Content-hash versions, pinning of running instances and the explicit, journaled migration.</summary>
public class VersioningTests
{
    private const string V1 = """
        { "id": "p", "name": "流程", "start": "a", "steps": [
          { "id": "a", "name": "甲", "actions": [ { "name": "go", "roles": ["Clerk"], "to": "end" } ] },
          { "id": "end", "kind": "final", "outcome": "v1" } ] }
        """;
    private const string V2 = """
        { "id": "p", "name": "流程", "start": "a2", "steps": [
          { "id": "a2", "name": "甲（新）", "actions": [ { "name": "go", "roles": ["Clerk"], "to": "end" } ],
            "timers": [ { "name": "remind", "due": "3wd" } ] },
          { "id": "end", "kind": "final", "outcome": "v2" } ] }
        """;

    private static ProcessDefinition Load(string json) => ProcessDefinitionLoader.Load(new SourceFile("p.json", json)).Value!;
    private static readonly Actor Admin = new("admin", "Administrator");

    [Test]
    public void Version_is_the_hash_of_canonical_json_so_formatting_does_not_matter()
    {
        var compact = V1.Replace("\n", "").Replace("  ", "");
        Assert.That(Load(compact).Version, Is.EqualTo(Load(V1).Version));
        Assert.That(Load(V2).Version, Is.Not.EqualTo(Load(V1).Version));
        Assert.That(CanonicalJson.Canonicalize("{\"b\":1,\"a\":{\"d\":2,\"c\":3}}"), Is.EqualTo("{\"a\":{\"c\":3,\"d\":2},\"b\":1}"));
    }

    [Test]
    public void Publishing_a_new_version_leaves_running_instances_pinned()
    {
        var registry = new DefinitionRegistry([Load(V1)]);
        var engine = new WorkflowEngine(registry);
        var old = engine.Start("p", "c1", Admin, null, WorkflowFiles.T0).Required;
        registry.Publish(Load(V2));
        Assert.That(registry.Versions("p"), Has.Count.EqualTo(2));
        var fresh = engine.Start("p", "c2", Admin, null, WorkflowFiles.T0).Required;
        Assert.That(fresh.CurrentSteps, Is.EqualTo(new[] { "a2" }));
        Assert.That(old.DefinitionVersion, Is.EqualTo(Load(V1).Version));
        var done = engine.Act(old, "go", new Actor("k", "Clerk"), null, WorkflowFiles.T0).Required;
        Assert.That(done.Outcome, Is.EqualTo("v1"));
    }

    [Test]
    public void Migrate_moves_an_instance_with_a_state_mapping_and_journals_it()
    {
        var registry = new DefinitionRegistry([Load(V1), Load(V2)]);
        var engine = new WorkflowEngine(registry);
        var v1 = registry.Versions("p")[0];
        // start an instance on v1 by pinning it explicitly, as a stored instance would be
        var stored = new WorkflowEngine(new DefinitionRegistry([v1])).Start("p", "c1", Admin, null, WorkflowFiles.T0).Required;

        Assert.That(engine.Migrate(stored, Load(V2), null, Admin, "新版本", WorkflowFiles.T0).Error!.Reason, Does.Contain("请在迁移映射中指定对应步骤"));
        Assert.That(engine.Migrate(stored, Load(V2), Map(), new Actor("k", "Clerk"), "新版本", WorkflowFiles.T0).Error!.Kind, Is.EqualTo(WorkflowErrorKind.Forbidden));
        Assert.That(engine.Migrate(stored, Load(V2), Map(), Admin, " ", WorkflowFiles.T0).Error!.Kind, Is.EqualTo(WorkflowErrorKind.Invalid));

        var r = engine.Migrate(stored, Load(V2), Map(), Admin, "步骤更名", WorkflowFiles.T0.AddDays(1));
        var migrated = r.Required;
        Assert.That(migrated.DefinitionVersion, Is.EqualTo(Load(V2).Version));
        Assert.That(migrated.CurrentSteps, Is.EqualTo(new[] { "a2" }));
        Assert.That(migrated.Version, Is.EqualTo(stored.Version + 1));
        Assert.That(r.Effects.OfType<ScheduleTimer>().Single().TimerName, Is.EqualTo("remind"));
        var entry = migrated.Journal[^1];
        Assert.That((entry.Kind, entry.UserId, entry.Reason), Is.EqualTo(("migrate", "admin", "步骤更名")));
        Assert.That(entry.From, Is.EqualTo(new[] { "a" }));
        Assert.That(entry.To, Is.EqualTo(new[] { "a2" }));
        Assert.That(entry.Data["fromVersion"], Is.EqualTo(v1.Version));
        Assert.That(engine.Act(migrated, "go", new Actor("k", "Clerk"), null, WorkflowFiles.T0).Required.Outcome, Is.EqualTo("v2"));
    }

    [Test]
    public void An_instance_whose_version_is_not_loaded_is_refused()
    {
        var stored = new WorkflowEngine(new DefinitionRegistry([Load(V1)])).Start("p", "c1", Admin, null, WorkflowFiles.T0).Required;
        var engine = new WorkflowEngine(new DefinitionRegistry([Load(V2)]));
        Assert.That(engine.Act(stored, "go", new Actor("k", "Clerk"), null, WorkflowFiles.T0).Error!.Reason, Does.Contain("未加载"));
    }

    private static Dictionary<string, string> Map() => new() { ["a"] = "a2" };
}
