using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.ServiceDefaults;

// CancelWorkflows service: one binary, roles chosen by Service:Roles (api, ingress, worker; all by default). In the
// Development environment without Temporal:Address it runs in dev mode (docs/design.md): every role, its own Temporal dev
// server and Antom simulator, data kept in .cancelworkflows/. Anywhere else it needs Temporal:Address.
// Content root = the build output, so appsettings.json is found wherever it is started from (`dotnet run --project`
// keeps the caller's working directory, which is where the data folder goes).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

ServiceMode mode;
try
{
    // DevModeHook.Prepare is the one way into dev mode's machinery (src/CancelWorkflows.DevMode); null in a Release publish.
    mode = ServiceModeResolver.Resolve(builder.Configuration, builder.Environment, DevModeHook.Prepare);
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
    devMode.AddServices(builder.Services);
}

builder.AddServiceDefaults();
builder.AddCancelWorkflows(mode);

await using var app = builder.Build();
app.UseCancelWorkflows(mode);
devMode?.MapEndpoints(app);

return await ServiceRunner.RunAsync(app);

/// <summary>Visible to tests (eShop's pattern).</summary>
public partial class Program;
