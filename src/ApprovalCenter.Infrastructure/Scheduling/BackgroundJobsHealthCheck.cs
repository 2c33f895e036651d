using ApprovalCenter.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApprovalCenter.Scheduling;

/// <summary>/readyz entry for background work: live Hangfire servers, lock rows older than 30 s
/// (a node that died holding a lock: Hangfire itself logs nothing about it), failed jobs and
/// timer incidents. Problems report Degraded: the node still serves requests, an operator must look.</summary>
public sealed class BackgroundJobsHealthCheck(JobStorage storage, AppDbContext db) : IHealthCheck
{
    public static readonly TimeSpan StaleLockAge = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var now = DateTime.UtcNow;
            var servers = monitoring.Servers().Count(s => s.Heartbeat is { } h && now - h < TimeSpan.FromSeconds(60));
            var failedJobs = monitoring.FailedCount();
            var staleBefore = now - StaleLockAge;
            var staleLocks = await db.Database.SqlQuery<string>(
                $"""SELECT resource AS "Value" FROM hangfire.lock WHERE acquired < {staleBefore}""").ToListAsync(ct);
            var incidents = await db.Set<ScheduledTimer>().CountAsync(t => t.Status == TimerStatus.Failed, ct);
            var data = new Dictionary<string, object>
            {
                ["servers"] = servers,
                ["failedJobs"] = failedJobs,
                ["staleLocks"] = string.Join(", ", staleLocks),
                ["timerIncidents"] = incidents,
            };
            var problems = new List<string>();
            if (servers == 0) problems.Add("没有运行中的后台任务服务器 (no live Hangfire server)");
            if (staleLocks.Count > 0) problems.Add($"锁超过 {StaleLockAge.TotalSeconds:F0} 秒未释放 (stale lock): {data["staleLocks"]}");
            if (failedJobs > 0) problems.Add($"{failedJobs} 个失败的后台任务 (failed jobs)");
            if (incidents > 0) problems.Add($"{incidents} 个定时器故障待处理 (timer incidents, see /Admin/Incidents)");
            return problems.Count == 0
                ? HealthCheckResult.Healthy("后台任务运行正常", data)
                : HealthCheckResult.Degraded(string.Join("；", problems), data: data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("后台任务存储不可用 (job storage unavailable)", e);
        }
    }
}
