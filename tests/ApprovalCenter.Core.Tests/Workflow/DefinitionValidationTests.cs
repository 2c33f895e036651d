using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Workflow;

/// <summary>Broken definitions are refused with file, JSON path and a Chinese reason, and nothing loads.</summary>
public class DefinitionValidationTests
{
    private const string Ok = """
        { "id": "mini", "name": "最小流程", "start": "a", "steps": [
          { "id": "a", "name": "办理", "actions": [ { "name": "go", "roles": ["Clerk"], "to": "end" } ] },
          { "id": "end", "kind": "final", "outcome": "done" } ] }
        """;

    private static IReadOnlyList<LoadError> Errors(string json)
    {
        var r = ProcessDefinitionLoader.Load(new SourceFile("bad.json", json));
        Assert.That(r.IsSuccess, Is.False);
        Assert.That(r.Value, Is.Null);
        Assert.That(r.Errors.All(e => e.File == "bad.json"), Is.True);
        return r.Errors;
    }

    [Test]
    public void A_minimal_definition_loads()
    {
        var r = ProcessDefinitionLoader.Load(new SourceFile("ok.json", Ok));
        Assert.That(r.IsSuccess, Is.True, () => string.Join("\n", r.Errors));
        Assert.That(r.Value!.Version, Has.Length.EqualTo(64));
    }

    [Test]
    public void Unknown_step_reference()
    {
        var e = Errors(Ok.Replace("\"to\": \"end\"", "\"to\": \"nowhere\""));
        Assert.That(e, Does.Contain(new LoadError("bad.json", "$.steps[0].actions[0].to", "引用了不存在的步骤“nowhere”")));
    }

    [Test]
    public void Unreachable_step()
    {
        var e = Errors(Ok.Replace("""{ "id": "end",""", """{ "id": "orphan", "actions": [ { "name": "x", "roles": ["Clerk"], "to": "end" } ] }, { "id": "end","""));
        Assert.That(e, Does.Contain(new LoadError("bad.json", "$.steps[1]", "步骤“orphan”从起始步骤无法到达")));
    }

    [Test]
    public void Dead_end()
    {
        var e = Errors(Ok.Replace("\"to\": \"end\" }", "\"to\": \"stuck\" }, { \"name\": \"done\", \"roles\": [\"Clerk\"], \"to\": \"end\" }")
            .Replace("""{ "id": "end",""", """{ "id": "stuck", "name": "卡住" }, { "id": "end","""));
        Assert.That(e, Does.Contain(new LoadError("bad.json", "$.steps[1]", "步骤“stuck”不是结束步骤，却没有任何出口（死路）")));
    }

    [Test]
    public void Cycle_without_exit()
    {
        var json = """
            { "id": "loop", "name": "循环", "start": "a", "steps": [
              { "id": "a", "actions": [ { "name": "go", "roles": ["Clerk"], "to": "b" }, { "name": "end", "roles": ["Clerk"], "to": "end" } ] },
              { "id": "b", "actions": [ { "name": "next", "roles": ["Clerk"], "to": "c" } ] },
              { "id": "c", "actions": [ { "name": "back", "roles": ["Clerk"], "to": "b" } ] },
              { "id": "end", "kind": "final", "outcome": "done" } ] }
            """;
        var e = Errors(json);
        Assert.That(e, Does.Contain(new LoadError("bad.json", "$.steps[1]", "步骤“b”处于没有出口的循环中，无法到达任何结束步骤")));
        Assert.That(e, Does.Contain(new LoadError("bad.json", "$.steps[2]", "步骤“c”处于没有出口的循环中，无法到达任何结束步骤")));
    }

    [Test]
    public void Join_without_matching_fork_and_fork_without_join()
    {
        var json = """
            { "id": "j", "name": "汇合", "start": "f", "steps": [
              { "id": "f", "kind": "fork", "branches": [ { "to": "a" }, { "to": "b" } ] },
              { "id": "a", "actions": [ { "name": "ok", "roles": ["Reviewer"], "to": "j" } ] },
              { "id": "b", "actions": [ { "name": "ok", "roles": ["Reviewer"], "to": "j" } ] },
              { "id": "j", "kind": "join", "join": "a", "next": [ { "to": "end" } ] },
              { "id": "end", "kind": "final", "outcome": "done" } ] }
            """;
        var e = Errors(json);
        Assert.That(e, Does.Contain(new LoadError("bad.json", "$.steps[3].join", "汇合步骤“j”没有对应的分支步骤“a”")));
        Assert.That(e, Does.Contain(new LoadError("bad.json", "$.steps[0]", "分支步骤“f”没有对应的汇合步骤")));
    }

    [Test]
    public void Unknown_role()
    {
        var e = Errors(Ok.Replace("[\"Clerk\"]", "[\"Janitor\"]"));
        Assert.That(e, Does.Contain(new LoadError("bad.json", "$.steps[0].actions[0].roles[0]", "未知的角色“Janitor”")));
    }

    [Test]
    public void Unknown_document_clock_due_rule_and_bad_condition()
    {
        var json = Ok.Replace("\"to\": \"end\" }", "\"to\": \"end\", \"when\": \"a ==\", \"effects\": [ { \"issue\": \"Receipt\" } ] }")
            .Replace("\"name\": \"办理\",", "\"name\": \"办理\", \"clock\": { \"effect\": \"Frozen\" }, \"timers\": [ { \"name\": \"t\", \"due\": \"someday\" } ],");
        var e = Errors(json);
        Assert.That(e.Select(x => x.Path), Is.SupersetOf(new[] { "$.steps[0].clock.effect", "$.steps[0].timers[0].due", "$.steps[0].actions[0].when", "$.steps[0].actions[0].effects[0].issue" }));
        Assert.That(e.Single(x => x.Path.EndsWith(".issue")).Reason, Is.EqualTo("未知的文书类型“Receipt”"));
        Assert.That(e.Single(x => x.Path.EndsWith(".when")).Reason, Does.Contain("表达式意外结束"));
    }

    [Test]
    public void Duplicate_step_missing_fields_and_invalid_json()
    {
        Assert.That(Errors(Ok.Replace("\"id\": \"end\"", "\"id\": \"a\"")), Does.Contain(new LoadError("bad.json", "$.steps[1].id", "步骤编号“a”重复")));
        Assert.That(Errors("{ \"name\": \"x\", \"steps\": [] }"), Does.Contain(new LoadError("bad.json", "$.id", "缺少必填字段“id”")));
        Assert.That(Errors("{ not json")[0].Path, Is.EqualTo("$"));
    }

    [Test]
    public void One_bad_file_means_no_definitions_load_at_all()
    {
        var r = ProcessDefinitionLoader.LoadAll([new SourceFile("ok.json", Ok), new SourceFile("bad.json", Ok.Replace("\"mini\"", "\"mini2\"").Replace("[\"Clerk\"]", "[\"Nobody\"]"))]);
        Assert.That(r.IsSuccess, Is.False);
        Assert.That(r.Value, Is.Null);
        Assert.That(r.Errors.Single().File, Is.EqualTo("bad.json"));
    }

    [Test]
    public void Duplicate_definition_ids_and_unknown_child_definitions_are_refused()
    {
        var child = """
            { "id": "bundle", "name": "组合", "start": "s", "steps": [
              { "id": "s", "kind": "subcases", "children": [ { "key": "k", "definition": "ghost" } ], "next": [ { "to": "end" } ] },
              { "id": "end", "kind": "final", "outcome": "done" } ] }
            """;
        var r = ProcessDefinitionLoader.LoadAll([new SourceFile("a.json", Ok), new SourceFile("b.json", Ok), new SourceFile("c.json", child)]);
        Assert.That(r.Errors, Does.Contain(new LoadError("b.json", "$.id", "流程编号“mini”重复（另见 a.json）")));
        Assert.That(r.Errors, Does.Contain(new LoadError("c.json", "$.steps[0].children[0].definition", "子案件引用了不存在的流程“ghost”")));
    }

    [Test]
    public void Every_shipped_definition_loads()
    {
        var r = ProcessDefinitionLoader.LoadAll(WorkflowFiles.Processes());
        Assert.That(r.Errors, Is.Empty);
        Assert.That(r.Value!.Select(d => d.Id), Is.EquivalentTo(new[]
        {
            "standard", "immediate", "tolerance", "commitment", "joint-review", "exemption", "land-to-construction",
            "pre-review", "phased-construction-permit", "business-startup", "couldnt-get-it-done", "cross-province", "renewal",
        }));
    }
}
