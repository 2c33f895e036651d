using ApprovalCenter.Workflow;

namespace ApprovalCenter.Catalog;

/// <summary>
/// The rules every catalog row must satisfy, whether it comes from the shipped JSON or an
/// administrator's CSV import. Each broken rule is one error with the row's path.
/// </summary>
public static class CatalogRules
{
    public static List<LoadError> Check(IReadOnlyList<CatalogItem> items, IReadOnlyCollection<string> departmentNames, IReadOnlyCollection<string> processes, string file, Func<int, string> pathOf)
    {
        var errors = new List<LoadError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var p = pathOf(i);
            void Error(string field, string reason) => errors.Add(new LoadError(file, field.Length == 0 ? p : $"{p}.{field}", reason));
            if (string.IsNullOrWhiteSpace(it.Code)) Error("code", "事项编码不能为空");
            else if (seen.TryGetValue(it.Code, out var first)) Error("code", $"事项编码“{it.Code}”重复（与 {pathOf(first)} 相同）");
            else seen[it.Code] = i;
            if (string.IsNullOrWhiteSpace(it.Name)) Error("name", "事项名称不能为空");
            if (!departmentNames.Contains(it.Department)) Error("department", $"未知的部门“{it.Department}”");
            if (!processes.Contains(it.Process)) Error("process", $"未知的流程“{it.Process}”");
            if (it.StatutoryDays <= 0) Error("statutoryDays", "法定时限必须大于0");
            if (it.PromisedDays < 0) Error("promisedDays", "承诺时限不能为负数");
            if (it.PromisedDays > it.StatutoryDays) Error("promisedDays", $"承诺时限不得超过法定时限（承诺{it.PromisedDays}个工作日，法定{it.StatutoryDays}个工作日）");
            if (it.Modes.Immediate && it.PromisedDays != 0) Error("promisedDays", $"即办件的承诺时限应为0，实际为{it.PromisedDays}");
            if (it.Modes.Immediate == it.Modes.Promised) Error("modes", "即办件与承诺件必须且只能选一种");
            if (it.Modes.Immediate && it.Process != CatalogItem.ImmediateProcess) Error("process", "即办件应使用即办件流程（immediate）");
            if (it.HighRisk && it.Modes.Commitment) Error("modes.commitment", "高风险事项不得适用告知承诺制");
            if (!it.CoreMaterials.Any()) Error("materials", "核心材料不能为空");
            if (it.Modes.Tolerance && !it.CoreMaterials.Any()) Error("modes.tolerance", "容缺受理要求核心材料齐全，须列明核心材料");
            var dup = it.Materials.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) Error("materials", $"材料“{dup.Key}”重复列出");
            if (string.IsNullOrWhiteSpace(it.LegalBasis)) Error("legalBasis", "设定依据不能为空");
            foreach (var (field, reason) in it.Rules.Check(it.PromisedDays)) Error(field, reason);
            if (!it.Source.Inferred && !Uri.TryCreate(it.Source.Url, UriKind.Absolute, out _)) Error("source", $"来源地址“{it.Source.Url}”不是有效网址");
        }
        return errors;
    }
}
