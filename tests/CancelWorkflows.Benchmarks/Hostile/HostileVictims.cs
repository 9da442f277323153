using System.Net.Http.Json;
using System.Text.Json;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;

namespace CancelWorkflows.Benchmarks.Hostile;

/// <summary>The owner's cancellations the hostile requests aim at: paid card payments, cancelled through the API (S),
/// kept running by a long watch window, each with a bookingRef no request carries.</summary>
public static class HostileVictims
{
    public static async Task<IReadOnlyList<HostileVictim>> StartAsync(HttpClient owner, SimulatorControlClient simulator, int count)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(simulator);
        var victims = new List<HostileVictim>();
        for (var i = 0; i < count; i++)
        {
            var id = "hostile-victim-" + Guid.NewGuid().ToString("N")[..12];
            var payment = await simulator.PutPaymentAsync(id, new SimPaymentInput
            {
                PaymentMethodType = "CARD",
                PaymentStatus = "SUCCESS",
                PaymentAmount = new AntomAmount("USD", "1000"),
                CreateTime = DateTimeOffset.UtcNow.AddMinutes(-5),
                PaymentTime = DateTimeOffset.UtcNow.AddMinutes(-5),
            });
            var victim = new HostileVictim(id, payment.PaymentId, "hostile-marker-" + Guid.NewGuid().ToString("N"));
            using var started = await owner.PostAsJsonAsync("v1/cancellations", new { paymentRequestId = id, bookingRef = victim.Marker, reason = "hostile-input target" });
            started.EnsureSuccessStatusCode();
            victims.Add(victim);
        }

        // Decided (the simulator's calls are over), still running (the watch window).
        var deadline = DateTime.UtcNow.AddSeconds(90);
        foreach (var victim in victims)
        {
            while (true)
            {
                using var response = await owner.GetAsync("v1/cancellations/" + victim.PaymentRequestId);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && Decided(body))
                {
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{victim.PaymentRequestId} undecided after 90 s: HTTP {(int)response.StatusCode} {body}");
                }

                await Task.Delay(200);
            }
        }

        return victims;
    }

    private static bool Decided(string status)
    {
        using var json = JsonDocument.Parse(status);
        return json.RootElement.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String;
    }
}
