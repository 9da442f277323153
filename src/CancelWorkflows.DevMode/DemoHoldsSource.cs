using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows.Promotions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.DevMode;

/// <summary>
/// Dev mode only: a small booking service's holds endpoint on the API port, <c>GET /demo/holds?promoId=&amp;pageToken=</c>
/// (the contract of <see cref="HoldsActivities"/>, Bearer <c>Promotions:HoldsSourceToken</c>, by default the dev API key).
/// A promotion whose id starts with <c>demo-</c> has <see cref="HoldCount"/> unpaid holds, <see cref="PageSize"/> a page;
/// each is made in the simulator when first listed (if absent) as a PROCESSING payment, and the last one as already paid
/// (SUCCESS: the run leaves it alone). Other promotions have no holds here.
/// </summary>
public sealed class DemoHoldsSource(DevModeSetup setup, IOptions<HoldsSourceOptions> options, IHttpClientFactory httpClients)
{
    public const string Path = "/demo/holds";
    public const string Prefix = "demo-";
    public const int HoldCount = 10;
    public const int PageSize = 4;
    public const string HttpClientName = "demo-simulator";

    public static async Task<IResult> HandleAsync(HttpContext context, string? promoId, string? pageToken, DemoHoldsSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(source);
        if (!source.Authorized(context.Request.Headers.Authorization.ToString()))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Send Authorization: Bearer <Promotions:HoldsSourceToken>");
        }

        if (string.IsNullOrWhiteSpace(promoId))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "promoId is required");
        }

        var start = 0;
        if (pageToken is not null && (!int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start >= HoldCount))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown pageToken");
        }

        if (!promoId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Results.Json(new HoldsPage([], null));
        }

        var holds = new List<UnpaidHold>();
        for (var i = start; i < Math.Min(start + PageSize, HoldCount); i++)
        {
            holds.Add(await source.EnsureHoldAsync(promoId, i, cancellationToken));
        }

        var next = start + PageSize < HoldCount ? (start + PageSize).ToString(CultureInfo.InvariantCulture) : null;
        return Results.Json(new HoldsPage(holds, next));
    }

    public static string HoldId(string promoId, int index) => $"{promoId}-hold-{index + 1:00}";

    private bool Authorized(string header)
    {
        var token = options.Value.HoldsSourceToken;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(header ?? string.Empty));
    }

    private async Task<UnpaidHold> EnsureHoldAsync(string promoId, int index, CancellationToken cancellationToken)
    {
        var id = HoldId(promoId, index);
        var amount = new AntomAmount("USD", (1000 + (index * 100)).ToString(CultureInfo.InvariantCulture));
        using var http = httpClients.CreateClient(HttpClientName);
        http.BaseAddress = new Uri(setup.SimulatorUrl.TrimEnd('/') + "/");
        var simulator = new SimulatorControlClient(http);
        if (await simulator.GetPaymentAsync(id, cancellationToken) is null)
        {
            var paid = index == HoldCount - 1;
            await simulator.PutPaymentAsync(id, new SimPaymentInput
            {
                PaymentMethodType = "ALIPAY_CN",
                PaymentStatus = paid ? "SUCCESS" : "PROCESSING",
                PaymentAmount = amount,
            }, cancellationToken);
        }

        return new UnpaidHold(id, $"BK-{promoId}-{index + 1:00}", new HoldAmount(amount.Currency, amount.Value));
    }
}
