using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Workflow;

public class ConditionTests
{
    private static bool Eval(string text, string data) => Condition.TryParse(text, out var e)!.Evaluate(Scenario.Data(data)) ;

    [TestCase("a == 1", "a=1", true)]
    [TestCase("a != 1", "a=2", true)]
    [TestCase("a < 10 and b >= 5", "a=9 b=5", true)]
    [TestCase("a <= 1000000 or area <= 500", "a=2000000 area=400", true)]
    [TestCase("not x", "x=false", true)]
    [TestCase("!x && y || z", "x=false y=false z=true", true)]
    [TestCase("name == '电力线路' and kv < 10", "name=电力线路 kv=10", false)]
    [TestCase("missing == null", "", true)]
    [TestCase("missing < 3", "", false)]
    [TestCase("a > 'x'", "a=5", false)]
    [TestCase("(a == 1 or a == 2) and not (b)", "a=2 b=false", true)]
    [TestCase("child.land-use == 'ok'", "child.land-use=ok", true)]
    public void Evaluates(string text, string data, bool expected) => Assert.That(Eval(text, data), Is.EqualTo(expected));

    [TestCase("a ==", "表达式意外结束")]
    [TestCase("(a == 1", "缺少右括号")]
    [TestCase("a == 'x", "缺少结束引号")]
    [TestCase("a $ b", "无法识别")]
    [TestCase("", "不能为空")]
    [TestCase("System.IO.File.Delete('x')", "无法识别")]
    public void Rejects(string text, string reason)
    {
        Assert.That(Condition.TryParse(text, out var error), Is.Null);
        Assert.That(error, Does.Contain(reason));
    }
}
