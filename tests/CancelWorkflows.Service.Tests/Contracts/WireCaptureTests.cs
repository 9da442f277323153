using CancelWorkflows.Service.Tests.Api;

namespace CancelWorkflows.Service.Tests.Contracts;

[Collection(ApiCollection.Name)]
public sealed class WireCaptureTests(ApiDevMode api)
{
    [Fact]
    public async Task Capture()
    {
        var folder = Environment.GetEnvironmentVariable("CANCELWORKFLOWS_WIRE_SAMPLES_OUT")!;
        foreach (var (name, json) in await WireSamples.CaptureAsync(api))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), WireSamples.Text(json) + "\n");
        }
    }
}
