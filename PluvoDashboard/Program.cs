using PluvoDashboard.Accounts;
using PluvoDashboard.Api;
using PluvoDashboard.Cli;
using PluvoDashboard.Components;
using PluvoDashboard.Export;
using PluvoDashboard.Handlers;
using PluvoDashboard.Handlers.Forwarding;
using PluvoDashboard.Handlers.Projection;
using PluvoDashboard.Intake;
using PluvoDashboard.Live;
using PluvoDashboard.Security;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var (serverArgs, demo) = CommandLine.TakeDemoSwitch(args);
var builder = WebApplication.CreateBuilder(serverArgs);

// Serves the packages' static files (MudBlazor's CSS and script, Blazor's own) from the build output in every
// environment, so a build run as Production (the benchmarks, a quick trial) works like `dotnet run`. A
// published app has them in wwwroot already and this does nothing there.
builder.WebHost.UseStaticWebAssets();

builder.AddStorage();
builder.AddAccounts();
builder.AddSecurity();
builder.AddLive();
builder.AddIntake();
builder.AddHandlers();
builder.AddProjection();
builder.AddForwarding();
builder.AddOperations();
builder.AddApi();
builder.AddSearch();
builder.AddDashboard();
if (demo)
{
    builder.AddDemoStream();
    builder.Configuration["Accounts:DemoAdmin"] = "true";
}

builder.Services.AddProblemDetails();

var app = builder.Build();

await app.MigrateDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapIntake();
app.MapAccounts();
app.MapApi();
app.MapLive();
app.MapHealth();
app.MapExports();
app.MapDashboard();

app.LogIntakeReady();
await app.RunAsync();
return 0;

/// <summary>The entry point, named for <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
