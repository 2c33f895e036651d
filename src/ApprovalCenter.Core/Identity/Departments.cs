namespace ApprovalCenter.Identity;

/// <summary>The six departments whose approval items the bureau took over (rules.md §0).</summary>
public static class Departments
{
    public const string Housing = "住建";
    public const string CivilAirDefence = "人防";
    public const string Water = "水务";
    public const string DevelopmentReform = "发改";
    public const string IndustryIt = "经信";
    public const string Environment = "环保";

    public static readonly IReadOnlyList<string> All = [Housing, CivilAirDefence, Water, DevelopmentReform, IndustryIt, Environment];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name);
}
