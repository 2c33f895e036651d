using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Web.BackgroundJobs;
using ApprovalCenter.Web.Calendar;
using ApprovalCenter.Web.Catalog;
using ApprovalCenter.Web.Hall;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Notifications;
using ApprovalCenter.Web.Portal;
using ApprovalCenter.Web.Unresolved;
using ApprovalCenter.Web.Ratings;
using ApprovalCenter.Web.Uploads;
using ApprovalCenter.Web.Verification;
using ApprovalCenter.Web.Workbench;

// Composition root. Each capability registers itself through one extension method in its own folder.
var builder = WebApplication.CreateBuilder(args);
builder.AddApprovalCenterConfiguration();
var options = builder.GetApprovalCenterOptions();

builder.Services.AddBusinessClock(options.Clock, builder.Environment.IsProduction());
builder.Services.AddPersistence(options);
builder.Services.AddApprovalIdentity(builder.Configuration);
builder.Services.AddWebShell(options.RateLimits);
builder.Services.AddWorkingCalendar(builder.Configuration);
builder.Services.AddCatalog();
builder.Services.AddBackgroundJobs(options.Scheduler, options.Database.EffectiveConnectionString());
builder.Services.AddUploads(options.Uploads);
builder.Services.AddNotifications();
builder.Services.AddCases();
builder.Services.AddStaffWorkbench();
builder.Services.AddSealedDocuments(options, d => d.PublicBaseUrl = options.PublicBaseUrl);
builder.Services.AddApplicantPortal();
builder.Services.AddDocumentVerification();
builder.Services.AddHall(options);
builder.Services.AddUnresolved(builder.Configuration);
builder.Services.AddRatingsAndSupervision(builder.Configuration);

var app = builder.Build();

if (!await app.RunStartupTasksAsync(options)) return 1;

app.UseWebShell();
app.MapBackgroundJobsWeb();
app.MapWebShell();
app.MapUploadsApi();
app.MapNotificationsApi();
app.MapVerificationApi();
app.MapHallApi();
app.MapUnresolvedApi();
app.MapRatingsApi();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
