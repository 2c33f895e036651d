using ApprovalCenter.Testing;

namespace ApprovalCenter.Web.Tests;

[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public Task DropDatabases() => TestDatabase.DropAllAsync();
}
