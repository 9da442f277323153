using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CancelWorkflows.Service.Tests.Api;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Security;

/// <summary>
/// Ids name workflows: each names one payment, and two ids that look the same are the same id. So ids take no control,
/// invisible or formatting characters (400 naming the field, nothing started), and a paymentRequestId cannot be read as an
/// Antom paymentId: <c>pid-X</c> would name <c>cancel-pid-X</c>, the cancellation of paymentId X (A2).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IdRulesApiTests(ApiDevMode api)
{
    /// <summary>A character no id may hold, as a JSON escape (so the test sends exactly it), and its name.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "\\u0000", "NUL" },
        { "\\t", "tab" },
        { "\\n", "line feed" },
        { "\\u007f", "DEL" },
        { "\\u0085", "next line" },
        { "\\u00a0", "no-break space" },
        { "\\u200b", "zero-width space" },
        { "\\u200d", "zero-width joiner" },
        { "\\u202e", "right-to-left override" },
        { "\\u2028", "line separator" },
        { "\\u2029", "paragraph separator" },
        { "\\u3000", "ideographic space" },
        { "\\ufeff", "byte order mark" },
        { "\\ue000", "private use" },
        { "\\ud800", "unpaired surrogate" },
    };

    public static TheoryData<string, string, string> RefusedInEveryIdField()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var field in new[] { "paymentRequestId", "paymentId", "bookingRef", "merchant" })
        {
            foreach (var (escape, name) in new[] { ("\\u200b", "zero-width space"), ("\\u202e", "right-to-left override"), ("\\n", "line feed") })
            {
                data.Add(field, escape, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Start_PaymentRequestIdWithACharacterNoIdHas_400AndNothingStarted(string escape, string name)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);

        // Inside the id, and at its end (where trimming would hide it).
        using var inside = await api.Booking.PostJsonTextAsync("v1/cancellations", $$"""{"paymentRequestId":"{{id[..5]}}{{escape}}{{id[5..]}}"}""");
        using var atTheEnd = await api.Booking.PostJsonTextAsync("v1/cancellations", $$"""{"paymentRequestId":"{{id}}{{escape}}"}""");

        foreach (var response in new[] { inside, atTheEnd })
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Contains("paymentRequestId", (await response.ReadObjectAsync()).FieldErrors().Keys);
        }

        Assert.Null(await api.Support.StatusAsync(id));
        Assert.Empty((await api.Dev.Simulator.GetPaymentAsync(id))!.Calls);
    }

    [Theory]
    [MemberData(nameof(RefusedInEveryIdField))]
    public async Task Start_IdFieldWithAnInvisibleCharacter_400NamingItAndNothingStarted(string field, string escape, string name)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var fields = new Dictionary<string, string> { ["paymentRequestId"] = id, ["bookingRef"] = "BK-1", ["merchant"] = "acme" };
        fields[field] = (fields.TryGetValue(field, out var value) ? value : "2026000001") + escape;
        var json = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":\"{f.Value}\"")) + "}";

        using var response = await api.Booking.PostJsonTextAsync("v1/cancellations", json);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field} with {name}: {(int)response.StatusCode}");
        Assert.Contains(field, (await response.ReadObjectAsync()).FieldErrors().Keys);
        Assert.Null(await api.Support.StatusAsync(id));
    }

    [Theory]
    [InlineData("pr%E2%80%8B1")]
    [InlineData("pr-1%0A")]
    [InlineData("pr-1%09")]
    [InlineData("pr%E2%80%AE1")]
    public async Task GetAndResolve_PathIdWithAnInvisibleCharacter_400(string escapedId)
    {
        using var get = await api.Support.GetAsync($"v1/cancellations/{escapedId}");
        using var byPaymentId = await api.Support.GetAsync($"v1/cancellations/{escapedId}?by=paymentId");
        using var resolve = await api.Support.PostAsJsonAsync($"v1/cancellations/{escapedId}/escalation/resolve", new { outcome = "Cancelled" });

        foreach (var response in new[] { get, byPaymentId, resolve })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("paymentRequestId", (await response.ReadObjectAsync()).FieldErrors().Keys);
        }
    }

    [Theory]
    [InlineData("key\tx")]
    [InlineData("key\u00a0x")]
    public async Task Start_IdempotencyKeyWithAnInvisibleCharacter_400AndNothingStarted(string key)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/cancellations") { Content = JsonContent.Create(new { paymentRequestId = id }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var http = api.NewHttp(ApiDevMode.BookingKey);

        using var response = await SendLatin1Async(http, request);

        // Outside ASCII, Kestrel itself refuses the header (400, no body); inside, the API names it.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (key.All(char.IsAscii))
        {
            Assert.Contains("Idempotency-Key", (await response.ReadObjectAsync()).FieldErrors().Keys);
        }

        Assert.Null(await api.Support.StatusAsync(id));
    }

    [Theory]
    [InlineData("%0A")]
    [InlineData("%E2%80%8B")]
    [InlineData("%E2%80%AE")]
    public async Task Promotion_IdWithAnInvisibleCharacter_400InPathAndBodyAndNoSchedule(string escapedCharacter)
    {
        var promoId = "sec-" + Guid.NewGuid().ToString("N")[..8];
        var inside = promoId[..4] + escapedCharacter + promoId[4..];
        var endsAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O");

        using var get = await api.Support.GetAsync($"v1/promotions/{inside}");
        using var atTheEnd = await api.Support.PutAsJsonAsync($"v1/promotions/{promoId}{escapedCharacter}", new { endsAt });
        using var put = await api.Support.PutAsJsonAsync($"v1/promotions/{inside}", new { endsAt });
        using var post = await api.Support.PostAsJsonAsync("v1/promotions", new { promoId = Uri.UnescapeDataString(inside), endsAt });

        foreach (var response in new[] { get, atTheEnd, put, post })
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode}");
            Assert.Contains("promoId", (await response.ReadObjectAsync()).FieldErrors().Keys);
        }

        using var list = await api.Support.GetAsync("v1/promotions");
        Assert.DoesNotContain(promoId[4..], await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PaymentRequestIdNamingAnAntomPaymentIdsWorkflow_400AndTheOtherCancellationUntouched()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var payment = await api.Dev.PaidCardAsync(id);
        using (var byPaymentId = await api.Booking.StartAsync(new { paymentId = payment.PaymentId }, query: "?wait=30"))
        {
            Assert.Equal(HttpStatusCode.OK, byPaymentId.StatusCode);
        }

        var lookalike = "pid-" + payment.PaymentId;
        using var start = await api.Booking.StartAsync(new { paymentRequestId = lookalike, reason = "not that payment" }, query: "?wait=5");
        using var get = await api.Booking.GetAsync($"v1/cancellations/{lookalike}");
        using var resolve = await api.Support.ResolveAsync(lookalike, new { outcome = "Cancelled" });
        using var own = await api.Booking.GetAsync($"v1/cancellations/{payment.PaymentId}?by=paymentId");

        foreach (var response in new[] { start, get, resolve })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.ReadObjectAsync()).FieldErrors();
            Assert.Contains("'pid-'", Assert.Single(errors["paymentRequestId"]), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var status = await own.ReadObjectAsync();
        Assert.Equal($"cancel-pid-{payment.PaymentId}", (string?)status["workflowId"]);
        Assert.DoesNotContain(status["steps"]!.AsArray(), s => ((string?)s!["detail"] ?? string.Empty).Contains("not that payment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_PaymentIdStartingWithPid_ItsOwnWorkflowReadByPaymentIdOnly()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var paymentId = "pid-" + Guid.NewGuid().ToString("N")[..12];
        await api.Dev.Simulator.PutPaymentAsync(id, new() { PaymentId = paymentId, PaymentMethodType = "CARD", PaymentStatus = "CANCELLED", PaymentAmount = new("USD", "1000") });

        using var started = await api.Booking.StartAsync(new { paymentId });
        using var byPaymentId = await api.Booking.GetAsync($"v1/cancellations/{paymentId}?by=paymentId");
        using var asRequestId = await api.Booking.GetAsync($"v1/cancellations/{paymentId}");

        Assert.Equal($"cancel-pid-{paymentId}", (string?)(await started.ReadObjectAsync())["workflowId"]);
        Assert.Equal(HttpStatusCode.OK, byPaymentId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, asRequestId.StatusCode);
    }

    [Fact]
    public async Task Start_UppercasePid_IsAnOrdinaryPaymentRequestId()
    {
        var id = "PID-" + Guid.NewGuid().ToString("N")[..12];
        await api.Dev.PaidCardAsync(id);

        using var started = await api.Booking.StartAsync(new { paymentRequestId = id });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"cancel-{id}", (string?)(await started.ReadObjectAsync())["workflowId"]);
    }

    /// <summary>Sends a header value outside ASCII as Latin-1 bytes (HttpClient refuses to otherwise), as a raw client could.</summary>
    private static async Task<HttpResponseMessage> SendLatin1Async(HttpClient template, HttpRequestMessage request)
    {
        using var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.Latin1 };
        using var http = new HttpClient(handler) { BaseAddress = template.BaseAddress };
        http.DefaultRequestHeaders.Authorization = template.DefaultRequestHeaders.Authorization;
        return await http.SendAsync(request);
    }
}
