using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CancelWorkflows.Antom.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.Antom.Tests.Support;

/// <summary>What the fake gateway received, and whether the request signature verified with the merchant's public key.</summary>
internal sealed record ReceivedRequest(
    string Method,
    string Path,
    string? ClientId,
    string? RequestTime,
    string? Signature,
    string? ContentType,
    byte[] Body,
    bool SignatureValid)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A tiny Antom on loopback Kestrel (http://127.0.0.1:0): records and verifies every request, then lets the test's
/// <c>respond</c> delegate answer. <see cref="AnswerAsync"/> writes a correctly signed answer by default; its knobs
/// produce every way an answer can be wrong.
/// </summary>
internal sealed class FakeAntom : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RSA merchantPublic;
    private readonly RSA antomPrivate;
    private readonly Lock gate = new();

    private FakeAntom(WebApplication app, RSA merchantPublic, RSA antomPrivate)
    {
        this.app = app;
        this.merchantPublic = merchantPublic;
        this.antomPrivate = antomPrivate;
    }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public ReceivedRequest Single => Assert.Single(Requests);

    public static async Task<FakeAntom> StartAsync(Func<FakeAntom, HttpContext, ReceivedRequest, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeAntom(app, TestKeys.Import(TestKeys.MerchantPublicPem), TestKeys.Import(TestKeys.AntomPrivatePem));
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var body = buffer.ToArray();
            var path = context.Request.Path.Value ?? string.Empty;
            var clientId = context.Request.Headers[AntomSignature.ClientIdHeader].FirstOrDefault();
            var requestTime = context.Request.Headers[AntomSignature.RequestTimeHeader].FirstOrDefault();
            var signature = context.Request.Headers[AntomSignature.HeaderName].FirstOrDefault();
            bool valid;
            lock (fake.gate)
            {
                valid = clientId is not null && requestTime is not null
                    && AntomSignature.Verify(fake.merchantPublic, path, clientId, requestTime, body, signature);
            }

            var received = new ReceivedRequest(context.Request.Method, path, clientId, requestTime, signature, context.Request.ContentType, body, valid);
            fake.Requests.Enqueue(received);
            await respond(fake, context, received);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseUrl = new Uri(address);
        return fake;
    }

    /// <summary>Starts a fake that answers every call with <paramref name="json"/>, correctly signed.</summary>
    public static Task<FakeAntom> AnsweringAsync(string json) =>
        StartAsync((fake, context, request) => fake.AnswerAsync(context, request, json));

    /// <summary>
    /// Writes an answer signed as Antom does (<c>POST path\nclient-id.response-time.body</c>), unless a knob says otherwise.
    /// </summary>
    public async Task AnswerAsync(
        HttpContext context,
        ReceivedRequest request,
        string json,
        int status = 200,
        bool includeResponseTime = true,
        bool includeSignature = true,
        string? signWith = null,
        string? signedPath = null,
        string? sentBodyOverride = null,
        string responseTime = "2025-11-26T10:00:00.123Z")
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var body = Encoding.UTF8.GetBytes(json);
        string header;
        if (signWith is null)
        {
            lock (gate)
            {
                header = AntomSignature.SignHeader(antomPrivate, signedPath ?? request.Path, request.ClientId ?? string.Empty, responseTime, body);
            }
        }
        else
        {
            using var other = TestKeys.Import(signWith);
            header = AntomSignature.SignHeader(other, signedPath ?? request.Path, request.ClientId ?? string.Empty, responseTime, body);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        context.Response.Headers[AntomSignature.ClientIdHeader] = request.ClientId;
        if (includeResponseTime)
        {
            context.Response.Headers[AntomSignature.ResponseTimeHeader] = responseTime;
        }

        if (includeSignature)
        {
            context.Response.Headers[AntomSignature.HeaderName] = header;
        }

        await context.Response.Body.WriteAsync(sentBodyOverride is null ? body : Encoding.UTF8.GetBytes(sentBodyOverride), context.RequestAborted);
    }

    /// <summary>Waits (for the client to give up) without answering; ends quietly when the client goes away.</summary>
    public static async Task StallAsync(HttpContext context, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client hung up: exactly what the test wanted.
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await app.StopAsync(stop.Token);
        }

        await app.DisposeAsync();
        merchantPublic.Dispose();
        antomPrivate.Dispose();
    }
}
