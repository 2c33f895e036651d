using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Hall;

/// <summary>What an administrator may change at /Admin/ServiceHours (text as typed; validated here).</summary>
public sealed record HallSettingsInput(string? Normal, string? AfterHours, string? Saturday, string? Closures, int? MaxRecalls,
    int? NoShowThreshold, int? NoShowWindowDays, int? NoShowBlockDays, uint? ExpectedVersion, string? Reason);

public sealed partial class HallOperations
{
    public Task<List<HallJournalEntry>> SettingsJournalAsync(CancellationToken ct = default) =>
        db.Set<HallJournalEntry>().AsNoTracking().Where(j => j.Subject == "hours").OrderByDescending(j => j.Id).Take(50).ToListAsync(ct);

    /// <summary>Saves the hours and rules, journaled with the reason; a stale form is a 409.</summary>
    public async Task<HallSettings> UpdateSettingsAsync(HallSettingsInput input, HallActor actor, CancellationToken ct = default)
    {
        var errors = new List<HallException>();
        IReadOnlyList<TimeWindow> Parse(string field, string label, string? text)
        {
            try { return HallHours.ParseWindows(text); }
            catch (FormatException e) { errors.Add(HallException.Invalid(field, $"{label}：{e.Message}")); return []; }
        }
        var normal = Parse("normal", "正常办公时段", input.Normal);
        var after = Parse("afterHours", "延时服务时段", input.AfterHours);
        var saturday = Parse("saturday", "周六服务时段", input.Saturday);
        if (errors.Count > 0) throw errors[0];
        if (normal.Count == 0) throw HallException.Invalid("normal", "请填写正常办公时段。");
        var closures = new List<DateOnly>();
        foreach (var part in (input.Closures ?? "").Split([',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", out var d)) throw HallException.Invalid("closures", $"闭厅日期“{part}”不是 yyyy-MM-dd 格式。");
            closures.Add(d);
        }
        var hours = new HallHours(normal, after, saturday, closures.ToHashSet());
        try { hours.Validate(); }
        catch (ArgumentException e) { throw HallException.Invalid(e.Message.StartsWith("延时") ? "afterHours" : e.Message.StartsWith("周六") ? "saturday" : "normal", e.Message); }
        int Range(string field, string label, int? v, int min, int max, int current) =>
            v is null ? current : v < min || v > max ? throw HallException.Invalid(field, $"{label}应在 {min} 到 {max} 之间。") : v.Value;
        if (string.IsNullOrWhiteSpace(input.Reason)) throw HallException.Invalid("reason", "请填写修改理由。");

        var row = await db.Set<HallSettings>().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? db.Add(new HallSettings()).Entity;
        if (input.ExpectedVersion is { } v && v != row.Version) throw HallException.Conflict("服务时间刚被其他管理员修改，请刷新后重试。");
        var before = $"正常 {row.Normal}；延时 {row.AfterHours}；周六 {row.Saturday}；闭厅 {string.Join(",", row.Closures.Select(c => c.ToString("yyyy-MM-dd")))}；重呼 {row.MaxRecalls}";
        row.Normal = HallHours.FormatWindows(normal);
        row.AfterHours = HallHours.FormatWindows(after);
        row.Saturday = HallHours.FormatWindows(saturday);
        row.Closures = [.. closures.Distinct().Order()];
        row.MaxRecalls = Range("maxRecalls", "过号前重呼次数", input.MaxRecalls, 0, 10, row.MaxRecalls);
        row.NoShowThreshold = Range("noShowThreshold", "爽约次数", input.NoShowThreshold, 1, 20, row.NoShowThreshold);
        row.NoShowWindowDays = Range("noShowWindowDays", "爽约统计天数", input.NoShowWindowDays, 1, 365, row.NoShowWindowDays);
        row.NoShowBlockDays = Range("noShowBlockDays", "暂停预约天数", input.NoShowBlockDays, 0, 365, row.NoShowBlockDays);
        var after2 = $"正常 {row.Normal}；延时 {row.AfterHours}；周六 {row.Saturday}；闭厅 {string.Join(",", row.Closures.Select(c => c.ToString("yyyy-MM-dd")))}；重呼 {row.MaxRecalls}";
        db.Add(new HallJournalEntry { At = Now(), Actor = actor.Name, Action = "hours", Subject = "hours", Summary = $"{input.Reason!.Trim()}。原：{before}。现：{after2}" });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw HallException.Conflict("服务时间刚被其他管理员修改，请刷新后重试。"); }
        return row;
    }
}

public sealed partial class HallOperations
{
    public Task<StaffWorkProfile?> WorkProfileAsync(string userId, CancellationToken ct = default) =>
        db.Set<StaffWorkProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);

    /// <summary>Sets the queues a clerk's "call next" draws from, in order (journaled). An empty list means "the counter's services".</summary>
    public async Task<StaffWorkProfile> SetWorkProfileAsync(string? userName, IReadOnlyList<string>? queues, HallActor actor, CancellationToken ct = default)
    {
        var user = await db.Set<ApprovalCenter.Identity.AppUser>().AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct)
            ?? throw HallException.NotFound("userName", $"没有用户“{userName}”。");
        var list = (queues ?? []).Select(q => q.Trim()).Where(q => q.Length > 0).Distinct().ToArray();
        var known = await db.Set<HallQueue>().Select(q => q.Id).ToListAsync(ct);
        if (list.FirstOrDefault(q => !known.Contains(q)) is { } unknown) throw HallException.Invalid("queues", $"没有“{unknown}”这个队列。");
        var profile = await db.Set<StaffWorkProfile>().FirstOrDefaultAsync(p => p.UserId == user.Id, ct);
        if (profile is null) db.Add(profile = new StaffWorkProfile { UserId = user.Id });
        profile.QueueIds = list;
        Journal(actor, "work-profile", null, $"{user.DisplayName}的叫号顺序：{(list.Length == 0 ? "按窗口业务" : string.Join(" → ", list))}", $"profile:{user.UserName}");
        await db.SaveChangesAsync(ct);
        return profile;
    }
}
