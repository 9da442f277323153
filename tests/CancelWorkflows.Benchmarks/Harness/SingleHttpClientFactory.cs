namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>One shared <see cref="HttpClient"/> for <c>SupportActivities</c> (the happy path never calls the webhook).</summary>
public sealed class SingleHttpClientFactory : IHttpClientFactory, IDisposable
{
    private readonly HttpClient client = new();

    public HttpClient CreateClient(string name) => client;

    public void Dispose() => client.Dispose();
}
