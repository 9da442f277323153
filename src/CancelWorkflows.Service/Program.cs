using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.Notifications;
using CancelWorkflows.Service.Promotions;
using CancelWorkflows.Service.ServiceDefaults;

// CancelWorkflows service: API + hosted Temporal worker. Without Temporal:Address it runs in dev mode (design.md):
// its own Temporal dev server and Antom simulator, data kept in .cancelworkflows/.
// Content root = the build output, so appsettings.json is found wherever it is started from (`dotnet run --project`
// keeps the caller's working directory, which is where the data folder goes).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

ServiceMode mode;
try
{
    mode = ServiceModeResolver.Resolve(builder.Configuration);
}
catch (StartupRefusedException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return e.ExitCode;
}

using var devMode = mode.DevMode;
if (devMode is not null)
{
    builder.Configuration.AddInMemoryCollection(devMode.ConfigurationOverrides());
}

builder.AddServiceDefaults();
builder.AddCancelWorkflows(mode);

await using var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiSecurity();
app.MapDefaultEndpoints(user => user.IsInRole(ApiRoles.Operator));
app.MapOpenApi();
app.MapCancellationsApi();
app.MapAntomNotifications();
app.MapPromotions();

return await ServiceRunner.RunAsync(app);

/// <summary>Visible to tests (eShop's pattern).</summary>
public partial class Program;
