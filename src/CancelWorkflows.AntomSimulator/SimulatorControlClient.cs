using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CancelWorkflows.AntomSimulator;

/// <summary>
/// Typed client for the control API (<c>/sim/v1</c>). The <see cref="HttpClient"/>'s <c>BaseAddress</c> is the simulator's
/// root, e.g. <c>http://127.0.0.1:5090/</c> (ending in '/'). Anything but success throws
/// <see cref="SimulatorControlException"/> with the status and the problem's <c>detail</c>.
/// </summary>
public sealed class SimulatorControlClient(HttpClient http)
{
    private static JsonSerializerOptions Json => ControlApi.Json;

    public async Task<SimPaymentView> PutPaymentAsync(string paymentRequestId, SimPaymentInput payment, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync(PaymentPath(paymentRequestId), payment, Json, cancellationToken);
        return await ReadAsync<SimPaymentView>(response, cancellationToken);
    }

    /// <summary>The payment now, or null when the simulator does not know it.</summary>
    public async Task<SimPaymentView?> GetPaymentAsync(string paymentRequestId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(PaymentPath(paymentRequestId), cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<SimPaymentView>(response, cancellationToken);
    }

    public async Task<IReadOnlyList<SimPaymentView>> ListPaymentsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("sim/v1/payments", cancellationToken);
        return await ReadAsync<List<SimPaymentView>>(response, cancellationToken);
    }

    public Task QueueFaultsAsync(string paymentRequestId, params SimFault[] faults) =>
        QueueFaultsAsync(paymentRequestId, faults, CancellationToken.None);

    public async Task QueueFaultsAsync(string paymentRequestId, IReadOnlyList<SimFault> faults, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(PaymentPath(paymentRequestId) + "/faults", faults, Json, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    public async Task ClearFaultsAsync(string paymentRequestId, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync(PaymentPath(paymentRequestId) + "/faults", cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    /// <summary>Sends a notification now (then Antom's retries); returns its delivery record.</summary>
    public async Task<SimDelivery> SendNotificationAsync(string paymentRequestId, SimNotificationRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(PaymentPath(paymentRequestId) + "/notifications", request, Json, cancellationToken);
        return await ReadAsync<SimDelivery>(response, cancellationToken);
    }

    public async Task<IReadOnlyList<SimDelivery>> GetDeliveriesAsync(string paymentRequestId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(PaymentPath(paymentRequestId) + "/deliveries", cancellationToken);
        return await ReadAsync<List<SimDelivery>>(response, cancellationToken);
    }

    /// <summary>The simulator clock now, and whether it is fixed.</summary>
    public async Task<SimClock> GetClockAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("sim/v1/clock", cancellationToken);
        return await ReadAsync<SimClock>(response, cancellationToken);
    }

    public async Task SetClockAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync("sim/v1/clock", new SimClock(now), Json, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    public async Task ResetClockAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync("sim/v1/clock", cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    public async Task TrustMerchantAsync(string clientId, string publicKeyPem, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"sim/v1/merchants/{Uri.EscapeDataString(clientId)}", new SimMerchantKey(publicKeyPem), Json, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    public async Task<string> GetAntomPublicKeyPemAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("sim/v1/keys/antom-public.pem", cancellationToken);
        await EnsureAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static string PaymentPath(string paymentRequestId)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentRequestId);
        return "sim/v1/payments/" + Uri.EscapeDataString(paymentRequestId);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new SimulatorControlException(response.StatusCode, "The simulator answered JSON null.");
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string? detail = null;
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("detail", out var d))
            {
                detail = d.GetString();
            }
        }
        catch (JsonException)
        {
            // not a problem document
        }

        throw new SimulatorControlException(response.StatusCode, detail ?? body);
    }
}

/// <summary>The control API refused a request (4xx) or failed (5xx). <see cref="Detail"/> is the problem's reason.</summary>
public sealed class SimulatorControlException : Exception
{
    public SimulatorControlException()
    {
    }

    public SimulatorControlException(string message)
        : base(message)
    {
    }

    public SimulatorControlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SimulatorControlException(HttpStatusCode statusCode, string? detail)
        : base($"Simulator control API: HTTP {(int)statusCode} {statusCode}: {detail}")
    {
        StatusCode = statusCode;
        Detail = detail;
    }

    public HttpStatusCode StatusCode { get; }

    public string? Detail { get; }
}
