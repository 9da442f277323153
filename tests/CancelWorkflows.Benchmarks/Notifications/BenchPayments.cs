using System.Net.Http.Json;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace CancelWorkflows.Benchmarks.Notifications;

/// <summary>Payments in the simulator and their cancellations through the service's API, as a booking service makes them.</summary>
public static class BenchPayments
{
    /// <summary>Unpaid ALIPAY_CN payments (a cancel voids them at once), optionally with U answers queued so their
    /// cancel workflows wait in a U-retry; then one <c>POST /v1/cancellations</c> each. Returns paymentRequestId → paymentId.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CancelAsync(IngressBenchHost host, IReadOnlyList<string> ids, bool answerU)
    {
        ArgumentNullException.ThrowIfNull(host);
        var paymentIds = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) =>
        {
            var payment = await host.Simulator.PutPaymentAsync(
                id,
                new SimPaymentInput
                {
                    PaymentMethodType = "ALIPAY_CN",
                    PaymentStatus = "PROCESSING",
                    PaymentAmount = new AntomAmount("USD", "1000"),
                    CreateTime = DateTimeOffset.UtcNow.AddMinutes(-1),
                },
                ct);
            if (answerU)
            {
                await host.Simulator.QueueFaultsAsync(id, [new SimFault { Kind = "U", Count = 4 }], ct);
            }

            using var response = await host.Api.PostAsJsonAsync("v1/cancellations", new { paymentRequestId = id }, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /v1/cancellations for {id}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }

            paymentIds[id] = payment.PaymentId;
        });
        return paymentIds;
    }

    /// <summary>Waits until no workflow whose id starts with <paramref name="idPrefix"/> is running (visibility).</summary>
    public static async Task WaitUntilClosedAsync(ITemporalClient temporal, string idPrefix, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(temporal);
        var deadline = DateTime.UtcNow + timeout;
        while ((await temporal.CountWorkflowsAsync($"WorkflowId STARTS_WITH '{idPrefix}' AND ExecutionStatus = 'Running'")).Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Workflows {idPrefix}* still running after {timeout}.");
            }

            await Task.Delay(500);
        }
    }

    public static async Task<long> CountAsync(ITemporalClient temporal, string query) =>
        (await temporal.CountWorkflowsAsync(query)).Count;

    public static bool IsRunning(WorkflowExecutionStatus status) => status == WorkflowExecutionStatus.Running;
}
