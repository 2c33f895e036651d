using System.Text.Json;

namespace ApprovalCenter.Tests.Workflow;

/// <summary>Every data file names its JSON Schema, and every schema is draft 2020-12, so editors and CI can check files before they reach the loaders.</summary>
public class SchemaFileTests
{
    public static IEnumerable<string> DataFiles() =>
        new[] { "catalog/items.json", "catalog/departments.json", "catalog/exemptions.json" }
            .Concat(Directory.GetFiles(Path.Combine(WorkflowFiles.Root, "processes"), "*.json").Select(f => "processes/" + Path.GetFileName(f)).Order());

    [TestCaseSource(nameof(DataFiles))]
    public void Data_file_points_at_an_existing_draft_2020_12_schema(string file)
    {
        using var data = JsonDocument.Parse(WorkflowFiles.File(file).Text);
        var schemaRef = data.RootElement.GetProperty("$schema").GetString()!;
        var schemaPath = Path.GetFullPath(Path.Combine(WorkflowFiles.Root, Path.GetDirectoryName(file)!, schemaRef));
        Assert.That(File.Exists(schemaPath), Is.True, schemaPath);
        using var schema = JsonDocument.Parse(File.ReadAllText(schemaPath));
        Assert.That(schema.RootElement.GetProperty("$schema").GetString(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
        foreach (var required in schema.RootElement.GetProperty("required").EnumerateArray())
            Assert.That(data.RootElement.TryGetProperty(required.GetString()!, out _), Is.True, $"{file} 缺少 {required}");
    }
}
