namespace CancelWorkflows.Cli.Tests.Infrastructure;

/// <summary>The HTTP stack of an in-process cancelctl: every request goes to the <see cref="FakeApi"/>.</summary>
public sealed class FakeApiHandler(FakeApi api) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        api.AnswerAsync(request, cancellationToken);
}
