using CancelWorkflows.AntomSimulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// The Antom simulator on its own: `dotnet run --project src/CancelWorkflows.AntomSimulator`.
// Listens on http://127.0.0.1:5090 unless `Urls` (ASPNETCORE_URLS, --urls) says otherwise; options from the "Simulator" section.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls(AntomSimulatorServer.DefaultUrl);
}

var options = builder.Configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
builder.Services.AddAntomSimulator(options);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);

var app = builder.Build();
app.MapAntomSimulator();
app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    var first = addresses.FirstOrDefault() ?? AntomSimulatorServer.DefaultUrl;
    foreach (var address in addresses)
    {
        Console.WriteLine($"Antom simulator listening on {address}");
    }

    Console.WriteLine($"Antom public key (verifies answers and notifications): GET {first.TrimEnd('/')}/sim/v1/keys/antom-public.pem");
    if (!string.IsNullOrWhiteSpace(options.DataDir))
    {
        var dir = Path.GetFullPath(options.DataDir);
        var publicKey = Path.Combine(dir, "antom-public.pem");
        Console.WriteLine($"Payment book: {Path.Combine(dir, "simulator-book.json")}");
        if (File.Exists(publicKey))
        {
            Console.WriteLine($"Antom public key file: {publicKey}");
        }
    }

    Console.WriteLine(options.Merchants.Count == 0
        ? "No merchants trusted yet: PUT /sim/v1/merchants/{clientId} {\"publicKeyPem\": \"...\"}"
        : $"Trusted merchants: {string.Join(", ", options.Merchants.Keys)}");
});

await app.RunAsync();
