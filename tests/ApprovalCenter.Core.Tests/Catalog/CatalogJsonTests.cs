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
