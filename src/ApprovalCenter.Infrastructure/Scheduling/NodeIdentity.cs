using ApprovalCenter.Configuration;

namespace ApprovalCenter.Scheduling;

/// <summary>This node's name in fired_by columns and Hangfire's server list, fixed for the process.</summary>
public sealed class NodeIdentity(SchedulerOptions options)
{
    public string Id { get; } = options.ResolveInstanceId();
}
