using System.Net;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>Every refusal of <c>POST /v1/cancellations</c>: RFC 7807, naming the field, and nothing started.</summary>
[Collection(ApiCollection.Name)]
public sealed class ValidationApiTests(ApiDevMode api)
{
    public static TheoryData<string, string, string> BadBodies => new()
    {
        // body (PRID is replaced by a fresh id), query, field named in the errors
        { """{"paymentRequestId":"PRID","notBefore":"2030-01-01T00:00:00Z"}""", "", "notBefore" },
        { """{"paymentRequestId":"PRID","amount":5}""", "", "amount" },
        { """{"paymentRequestId":"PRID","reason":5}""", "", "reason" },
        { """{"paymentRequestId":"PRID","paymentRequestId":"PRID"}""", "", "paymentRequestId" },
        { """{"reason":"no ids"}""", "", "paymentRequestId" },
        { """{"paymentRequestId":" ","paymentId":""}""", "", "paymentRequestId" },
        { """{"paymentRequestId":"PRID","paymentId":"LONG65"}""", "", "paymentId" },
        { """{"paymentRequestId":"PRID","reason":"LONG257"}""", "", "reason" },
        { """{"paymentRequestId":"PRID","bookingRef":"LONG65"}""", "", "bookingRef" },
        { """{"paymentRequestId":"PRID","merchant":"LONG65"}""", "", "merchant" },
        { """{"paymentRequestId":"PRID","merchant":"it's"}""", "", "merchant" },
        { """{"paymentRequestId":"PRID","callbackUrl":"not a url"}""", "", "callbackUrl" },
        { """{"paymentRequestId":"PRID","callbackUrl":"ftp://booking.example/cb"}""", "", "callbackUrl" },
        { """{"paymentRequestId":"PRID","callbackUrl":"/relative/cb"}""", "", "callbackUrl" },
        { """{"paymentRequestId":"PRID","callbackUrl":"https://booking.example/LONG1025"}""", "", "callbackUrl" },
        { """{"paymentRequestId":"PRID"}""", "?wait=61", "wait" },
        { """{"paymentRequestId":"PRID"}""", "?wait=-1", "wait" },
        { """{"paymentRequestId":"PRID"}""", "?wait=soon", "wait" },
        { """{"paymentRequestId":"PRID","fallback":"void"}""", "", "fallback" },
        { """{"paymentRequestId":"PRID","fallback":"Refund"}""", "", "fallback" },
        { """{"paymentRequestId":"PRID","fallback":7}""", "", "fallback" },
        { """["PRID"]""", "", "$" },
        { """{"paymentRequestId":"PRID" """, "", "$" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Start_InvalidRequest_400ValidationProblemNamingTheFieldAndNothingStarted(string body, string query, string field)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var json = body.Replace("PRID", id, StringComparison.Ordinal)
            .Replace("LONG1025", new string('x', 1025), StringComparison.Ordinal)
            .Replace("LONG257", new string('x', 257), StringComparison.Ordinal)
            .Replace("LONG65", new string('x', 65), StringComparison.Ordinal);

        using var response = await api.Booking.PostJsonTextAsync("v1/cancellations" + query, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(400, (int?)problem["status"]);
        Assert.Contains(field, problem.FieldErrors().Keys);
        Assert.Null(await api.Booking.StatusAsync(id));
    }

    [Fact]
    public async Task Start_IdempotencyKeyTooLong_400NamingTheHeader()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();

        using var response = await api.Booking.StartAsync(new { paymentRequestId = id }, idempotencyKey: new string('k', 256));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", (await response.ReadObjectAsync()).FieldErrors().Keys);
        Assert.Null(await api.Booking.StatusAsync(id));
    }

    [Fact]
    public async Task Start_BodyOver16KiB_413Problem()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var json = $$"""{"paymentRequestId":"{{id}}","reason":"{{new string(' ', 17 * 1024)}}"}""";

        using var response = await api.Booking.PostJsonTextAsync("v1/cancellations", json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await api.Booking.StatusAsync(id));
    }

    [Fact]
    public async Task Start_NotJson_415Problem()
    {
        using var response = await api.Booking.PostJsonTextAsync("v1/cancellations", "paymentRequestId=pr-1", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("v1/cancellations/" + "x123456789x123456789x123456789x123456789x123456789x123456789x1234", "paymentRequestId")]
    [InlineData("v1/cancellations/pr-1?by=bookingRef", "by")]
    public async Task Get_InvalidAddress_400NamingTheField(string path, string field)
    {
        using var response = await api.Booking.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadObjectAsync()).FieldErrors().Keys);
    }
}
