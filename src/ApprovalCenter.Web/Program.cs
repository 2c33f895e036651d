using ApprovalCenter.Scheduling;
using ApprovalCenter.Web.Calendar;
using ApprovalCenter.Web.Catalog;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Identity;

// Composition root. Each capability registers itself through one extension method in its own folder.
var builder = WebApplication.CreateBuilder(args);
builder.AddApprovalCenterConfiguration();
var options = builder.GetApprovalCenterOptions();

builder.Services.AddPersistence(options);
builder.Services.AddApprovalIdentity(builder.Configuration);
builder.Services.AddWebShell(options.RateLimits);
builder.Services.AddWorkingCalendar(builder.Configuration);
builder.Services.AddCatalog();
builder.Services.AddApprovalScheduler(options.Scheduler, options.Database.EffectiveConnectionString());

var app = builder.Build();

if (!await app.RunStartupTasksAsync(options)) return 1;

app.UseWebShell();
app.MapWebShell();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
