using ApprovalCenter.Web.Workbench;

namespace ApprovalCenter.Web.Pages.Staff.Cases;

/// <summary>What an action's form partial renders from: the page and the action offered now.</summary>
public sealed record ActionView(DetailModel Page, AvailableAction Act)
{
    public string Value(string key) => Page.Value(Act.Action.Name, key);
}
