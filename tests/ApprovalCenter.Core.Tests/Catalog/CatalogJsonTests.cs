using ApprovalCenter.Catalog;
using ApprovalCenter.Tests.Workflow;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Catalog;

public class CatalogJsonTests
{
    private static IReadOnlyList<object> Project(IEnumerable<CatalogItem> items) =>
        items.Select(i => (object)(i with { Materials = [] }, string.Join("|", i.Materials.Select(m => $"{m.Type}:{m.Name}")))).ToList();

    [Test]
    public void Loading_the_written_items_gives_back_the_shipped_catalog()
    {
        var shipped = WorkflowFiles.Catalog.Items;
        var loaded = WorkflowFiles.LoadCatalog(items: new SourceFile("items.json", CatalogJson.WriteItems(shipped)));
        Assert.That(loaded.IsSuccess, Is.True, () => string.Join("\n", loaded.Errors));
        Assert.That(Project(loaded.Value!.Items), Is.EqualTo(Project(shipped)));
    }

    [Test]
    public void Written_items_are_the_shipped_file_text()
    {
        var text = CatalogJson.WriteItems(WorkflowFiles.Catalog.Items);
        Assert.That(text, Is.EqualTo(WorkflowFiles.File("catalog/items.json").Text.Replace("\r\n", "\n")));
    }

    [Test]
    public void An_edited_item_with_promised_over_statutory_fails_the_same_validation()
    {
        var items = WorkflowFiles.Catalog.Items.Select(i => i.Code == "ZJ-001" ? i with { PromisedDays = 9 } : i).ToList();
        var loaded = WorkflowFiles.LoadCatalog(items: new SourceFile("items.json", CatalogJson.WriteItems(items)));
        Assert.That(loaded.IsSuccess, Is.False);
        Assert.That(loaded.Errors.Select(e => e.Reason), Has.Some.StartsWith("承诺时限不得超过法定时限"));
    }
}

public class CatalogChangesTests
{
    [Test]
    public void Rules_1d_per_item_warning_verification_and_tolerance_settings_survive_json_csv_and_validation()
    {
        var own = new ItemTimeRules(WarningRemainingDays: 2, WarningUsedNumerator: 3, WarningUsedDenominator: 4, VerificationDays: 20, ToleranceSupplementDays: 2);
        var items = WorkflowFiles.Catalog.Items.Select(i => i.Code == "ZJ-001" ? i with { TimeRules = own } : i).ToList();
        var loaded = WorkflowFiles.LoadCatalog(items: new SourceFile("items.json", CatalogJson.WriteItems(items)));
        Assert.That(loaded.IsSuccess, Is.True, () => string.Join("\n", loaded.Errors));
        Assert.That(loaded.Value!.Find("ZJ-001")!.Rules, Is.EqualTo(own));
        Assert.That(loaded.Value.Find("ZJ-002")!.Rules, Is.EqualTo(ItemTimeRules.Defaults), "an item without settings has rules.md's defaults");

        var csv = CatalogCsv.Read("catalog.csv", CatalogCsv.Write(items));
        Assert.That(csv.IsSuccess, Is.True, () => string.Join("\n", csv.Errors));
        Assert.That(CatalogChanges.Between(items, CatalogChanges.MergeCsv(items, csv.Value!)).IsEmpty, Is.True);
        var withoutColumns = CatalogCsv.Read("catalog.csv", CatalogCsv.Write(WorkflowFiles.Catalog.Items));
        Assert.That(CatalogChanges.MergeCsv(items, withoutColumns.Value!).Single(i => i.Code == "ZJ-001").Rules, Is.EqualTo(own),
            "a CSV without the columns keeps the item's settings");

        var tooLong = items.Select(i => i.Code == "ZJ-001" ? i with { TimeRules = own with { ToleranceSupplementDays = 4 } } : i).ToList();
        var refused = WorkflowFiles.LoadCatalog(items: new SourceFile("items.json", CatalogJson.WriteItems(tooLong)));
        Assert.That(refused.Errors.Select(e => e.Path), Has.Some.EndsWith(".timeRules.toleranceSupplementDays"), "ZJ-001 promises 3 wd");
    }

    [Test]
    public void Exporting_to_csv_and_importing_again_changes_nothing()
    {
        var current = WorkflowFiles.Catalog.Items;
        var read = CatalogCsv.Read("catalog.csv", CatalogCsv.Write(current));
        Assert.That(read.IsSuccess, Is.True, () => string.Join("\n", read.Errors));
        var changes = CatalogChanges.Between(current, CatalogChanges.MergeCsv(current, read.Value!));
        Assert.That(changes.IsEmpty, Is.True, () => string.Join(", ", changes.Changed.Select(c => c.After.Code)));
    }

    [Test]
    public void One_changed_limit_one_new_and_one_dropped_row_are_reported()
    {
        var current = WorkflowFiles.Catalog.Items;
        var next = current.Skip(1).Select(i => i.Code == "ZJ-002" ? i with { PromisedDays = 1 } : i)
            .Append(current[5] with { Code = "ZJ-999", Name = "新事项" }).ToList();
        var changes = CatalogChanges.Between(current, next);
        Assert.That(changes.Added.Select(i => i.Code), Is.EqualTo(new[] { "ZJ-999" }));
        Assert.That(changes.Changed.Select(c => (c.Before.PromisedDays, c.After.PromisedDays, c.After.Code)), Is.EqualTo(new[] { (2, 1, "ZJ-002") }));
        Assert.That(changes.Removed.Select(i => i.Code), Is.EqualTo(new[] { "ZJ-001" }));
    }
}
