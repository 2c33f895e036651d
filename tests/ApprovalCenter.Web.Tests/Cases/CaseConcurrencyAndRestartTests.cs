using ApprovalCenter.Cases;
using ApprovalCenter.Testing;

namespace ApprovalCenter.Web.Tests.Cases;

public sealed class CaseConcurrencyAndRestartTests
{
    [Test]
    public async Task Two_clerks_accepting_at_once_one_wins_the_other_gets_a_clear_conflict()
    {
        await using var app = new AppFactory();
        var kit = new CaseTestKit(app.Services);
        for (var round = 0; round < 3; round++)
        {
            var c = await kit.SubmitAsync("company", "ZJ-001");
            var version = (await kit.GetAsync(c.Number)).Instance.Version;
            var attempts = new[]
            {
                Task.Run(() => kit.ActAsync(c.Number, "clerk", "accept", expectedVersion: version)),
                Task.Run(() => kit.ActAsync(c.Number, "clerk", "supplement-notice", new() { ["missingMaterials"] = "建设工程规划许可证：未提交" }, expectedVersion: version)),
            };
            var outcomes = await Task.WhenAll(attempts.Select(async t => { try { await t; return (Exception?)null; } catch (Exception e) { return e; } }));
            Assert.That(outcomes.Count(o => o is null), Is.EqualTo(1), "exactly one action wins");
            var loser = outcomes.Single(o => o is not null) as CaseException;
            Assert.That(loser, Is.Not.Null);
            Assert.That(loser!.Status, Is.EqualTo(409));
            Assert.That(loser.Message, Does.Contain("已被其他人处理").Or.Contain("当前"));
            var journal = await kit.JournalAsync(c.Number);
            Assert.That(journal.Count(j => j.Action is "accept" or "supplement-notice"), Is.EqualTo(1), "the loser left no trace");
        }
    }

    [Test]
    public async Task A_case_waiting_in_a_parallel_join_resumes_where_it_was_after_a_restart()
    {
        var db = TestDatabase.NewName("restart");
        string number;
        await using (var first = new AppFactory(db))
        {
            var kit = new CaseTestKit(first.Services);
            var c = await kit.SubmitAsync("company", "ZJ-001", CaseMode.Joint,
                new() { ["projectName"] = "联审测试项目", ["needsCivilAirDefence"] = true, ["needsWater"] = true, ["needsEnvironment"] = true });
            Assert.That(c.ProcessId, Is.EqualTo("joint-review"));
            var forked = await kit.ActAsync(c.Number, "clerk", "accept");
            Assert.That(forked.Steps, Is.EquivalentTo(new[] { "lead-review", "rf-review", "sw-review", "hb-review" }));
            await kit.ActAsync(c.Number, "reviewer.zj", "pass", stepId: "lead-review");
            await kit.ActAsync(c.Number, "reviewer.hb", "pass", stepId: "hb-review");
            number = c.Number;
        }

        await using var second = new AppFactory(db);
        var after = new CaseTestKit(second.Services);
        var (record, instance, _) = await after.GetAsync(number);
        Assert.That(instance.CurrentSteps.Where(s => s.EndsWith("-review")), Is.EquivalentTo(new[] { "rf-review", "sw-review" }));
        Assert.That(instance.CurrentSteps, Does.Contain("joint-join"), "the finished branches wait at the join");
        var wrongDepartment = await Assert.ThrowsAsync<CaseException>(() => after.ActAsync(number, "reviewer.zj", "pass", stepId: "rf-review"));
        Assert.That(wrongDepartment!.Status, Is.EqualTo(403), "a 住建 reviewer cannot pass for 人防");
        (record, instance, _) = await after.GetAsync(number);
        Assert.That(instance.CurrentSteps, Does.Contain("rf-review"));
        Assert.That(record.JointHandling, Is.True);
        Assert.That(record.StatutoryDays, Is.EqualTo(45));
    }
}
