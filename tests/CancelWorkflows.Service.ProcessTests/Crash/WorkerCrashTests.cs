using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.DevMode;
using CancelWorkflows.Service.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Xunit.Abstractions;

namespace CancelWorkflows.Service.ProcessTests.Crash;

/// <summary>
/// The service as a real process, SIGKILLed with its Temporal dev server in the middle of cancellations (docs/design.md,
/// "Tests": kill -9 mid-flight, count cancels at the simulator). A new process on the same data folder
/// finishes every workflow, and the simulator counts exactly one effective cancel per payment.
/// </summary>
/// <remarks>
/// In dev mode the simulator lives in the service's process, so it dies with it: a cancel call that is still inside the
/// simulator when the process is killed is never processed. To kill between "Antom cancelled it" and "the worker's result
/// reached Temporal", the test freezes the dev server (SIGSTOP) once the cancel call is at the simulator: the simulator then
/// cancels and answers S, the worker cannot report it, and the SIGKILL of the group lands in exactly that gap. Nothing of
/// Temporal is faked: the frozen server is the real one, later killed like the rest of the group.
/// </remarks>
[Collection(ServiceProcessCollection.Name)]
public sealed class WorkerCrashTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Long enough that A is surely still in its timer when the dev server is frozen (a few HTTP calls later).</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AntomTimeout = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan AntomCallMargin = TimeSpan.FromSeconds(5);

    /// <summary>The cancel activity's StartToClose (Antom:Timeout + Cancel:AntomCallMargin, carried in CancelSettings): after
    /// the crash, a call whose worker died is known lost only when it passes.</summary>
    private static readonly TimeSpan CancelStartToClose = AntomTimeout + AntomCallMargin;

    /// <summary>Time for the new process's worker to pick up a workflow task that came due while (or before) it started.</summary>
    private static readonly TimeSpan PickUpSlack = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Cancel__RetryDelays__0"] = "00:00:05",
        ["Cancel__RetryDelays__1"] = "00:00:05",
        ["Cancel__RetryDelays__2"] = "00:00:05",
        ["Cancel__WatchWindow"] = "00:00:02",
        // Longer than the time a cancel call sits at the simulator before the kill (B1, B2 below): a shorter deadline would
        // let the client give up and the worker report U before the crash. Not in dev mode's overrides, so it binds as usual.
        ["Antom__Timeout"] = "00:00:06",
        ["Cancel__AntomCallMargin"] = "00:00:05",
    };

    private readonly TempFolder folder = new("cw-crash-");
    private readonly DevModePorts ports = DevModePorts.Allocate();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task SigkillOfTheGroup_InUBackoffAndBetweenCancelAndRecord_NewProcessFinishesAllWithOneEffectiveCancelEach()
    {
        var inBackoff = NewId("a-u-backoff");          // U, then killed while its retry timer runs
        var inFlight = NewId("b1-in-flight");          // killed while its cancel call is at the simulator (never processed)
        var unrecorded = NewId("b2-unrecorded");       // Antom cancelled it and answered S; the worker never reported it
        var plain = NewId("c-plain");                  // control: S at once
        var answerLost = NewId("d-answer-lost");       // cancel takes effect, the connection drops: U, resend, S
        string[] beforeCrash = [inBackoff, inFlight, unrecorded, plain, answerLost];

        DateTimeOffset frozenAt, killedAt, inFlightPostedAt;
        await using (var first = await DevModeInstance.StartAsync(folder.Path, ports, Settings))
        {
            Log($"first process ready (pid {first.Process.Pid})");
            var devServer = Assert.Single(StaleDevServers.Find(DatabasePath(first)));
            foreach (var id in beforeCrash)
            {
                await PutPaidAlipayAsync(first.Simulator, id);
            }

            await first.Simulator.QueueFaultsAsync(inBackoff, new SimFault { Kind = "U", Count = 1 });
            await first.Simulator.QueueFaultsAsync(inFlight, new SimFault { Kind = "delay", DelayMs = 120_000 });
            await first.Simulator.QueueFaultsAsync(unrecorded, new SimFault { Kind = "delay", DelayMs = 2_000 });
            await first.Simulator.QueueFaultsAsync(answerLost, new SimFault { Kind = "drop", ProcessFirst = true });

            await PostAsync(first, plain);
            await PostAsync(first, answerLost);

            // A: first answer U, now waiting in its durable retry timer.
            await PostAsync(first, inBackoff);
            var backoff = await WaitForStatusAsync(first.Api, inBackoff, s => Attempts(s).Count == 1 && HasStep(s, "U-retry scheduled"), StepTimeout);
            var timerStarted = Attempts(backoff)[0];
            Assert.Equal("U", timerStarted.ResultStatus);
            Log("A answered U and waits in its retry timer");

            // B1, B2: their cancel calls reach the simulator (the queued delay fault is taken) and wait there.
            inFlightPostedAt = DateTimeOffset.UtcNow;
            await PostAsync(first, inFlight);
            await PostAsync(first, unrecorded);
            await WaitForPaymentAsync(first.Simulator, inFlight, p => p.PendingFaults.Count == 0, StepTimeout);
            await WaitForPaymentAsync(first.Simulator, unrecorded, p => p.PendingFaults.Count == 0, StepTimeout);
            Log("B1 and B2 cancel calls are at the simulator");

            // From here Temporal records nothing: B2's answer has nowhere to go.
            PosixSignals.Freeze(devServer);
            frozenAt = DateTimeOffset.UtcNow;
            Log($"dev server {devServer} frozen, {(timerStarted.Time + RetryDelay - frozenAt).TotalSeconds:F1} s before A's timer was due");
            Assert.True(frozenAt < timerStarted.Time + RetryDelay, "A's retry timer may have fired before the crash");
            var cancelledUnrecorded = await WaitForPaymentAsync(first.Simulator, unrecorded, p => p.EffectiveCancels == 1, StepTimeout);
            await Task.Delay(500); // the worker has the S answer and is trying to report it

            var inFlightAtKill = await first.Simulator.GetPaymentAsync(inFlight);
            Assert.DoesNotContain(inFlightAtKill!.Calls, c => c.Api == "cancel"); // still inside the simulator

            first.Process.KillProcessGroup();
            killedAt = DateTimeOffset.UtcNow;

            // B1's client was still waiting: its call reached the simulator after inFlightPostedAt, and Antom:Timeout had
            // not passed since.
            Assert.True(killedAt - inFlightPostedAt < AntomTimeout, $"B1's call may have timed out before the kill ({(killedAt - inFlightPostedAt).TotalSeconds:F1} s)");
            Assert.NotNull(await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Log($"process group SIGKILLed; B2 was cancelled at Antom {(killedAt - cancelledUnrecorded.CancelTime!.Value).TotalMilliseconds:F0} ms before");
        }

        Assert.Empty(StaleDevServers.Find(Path.Combine(folder.Path, ".cancelworkflows", "temporal.db")));
        Assert.True(await FreePorts.WaitUntilFreeAsync(ports.All, TimeSpan.FromSeconds(10)), "a port is still in use after the SIGKILL");

        await using var second = await DevModeInstance.StartAsync(folder.Path, ports, Settings);
        var restartedAt = DateTimeOffset.UtcNow;
        Log($"second process ready (pid {second.Process.Pid})");

        // E, started after the restart: Antom:Timeout from configuration reaches dev mode's client (6 s; the default is 10 s).
        var slow = NewId("e-slow-antom");
        await PutPaidAlipayAsync(second.Simulator, slow);
        await second.Simulator.QueueFaultsAsync(slow, new SimFault { Kind = "delay", DelayMs = 60_000 });
        await PostAsync(second, slow);

        var statuses = new Dictionary<string, JsonObject>();
        foreach (var id in beforeCrash.Append(slow))
        {
            statuses[id] = await WaitForStatusAsync(second.Api, id, s => (bool?)s["completed"] == true, FinishTimeout);
            Log($"{id} completed: {string.Join(", ", Attempts(statuses[id]).Select(a => $"{a.ResultStatus}{(a.NoAnswer is null ? string.Empty : "/" + a.NoAnswer)} at {a.Time:HH:mm:ss.fff}"))}");
        }

        var payments = new Dictionary<string, SimPaymentView>();
        foreach (var id in statuses.Keys)
        {
            payments[id] = (await second.Simulator.GetPaymentAsync(id))!;
            Assert.Equal("Cancelled", (string?)statuses[id]["outcome"]);
            Assert.Equal(1, payments[id].EffectiveCancels);
            Assert.Equal("CANCELLED", payments[id].PaymentStatus);
            Assert.Single(payments[id].Calls, c => c.Effective);
        }

        // A: U before the crash; the timer Temporal kept fired for the new process, which resent and got S.
        {
            var attempts = Attempts(statuses[inBackoff]);
            Assert.Equal(["U", "S"], attempts.Select(a => a.ResultStatus));
            Assert.Equal("UNKNOWN_EXCEPTION", attempts[0].ResultCode);
            Assert.True(attempts[1].Time - attempts[0].Time >= RetryDelay, "the resend came before the retry delay");
            var cancels = CancelCalls(payments[inBackoff]);
            Assert.Equal(2, cancels.Count);
            AssertCall(cancels[0], "U", effective: false, fault: "U");
            AssertCall(cancels[1], "S", effective: true, fault: null);
            Assert.True(cancels[1].Time > killedAt, "A's resend was made before the crash, not by the new process");
        }

        // B1: the call died with the process; the new process learnt it only when StartToClose passed (U, no answer),
        // then resent the same request: the first call Antom ever processed.
        {
            var attempts = Attempts(statuses[inFlight]);
            Assert.Equal(["U", "S"], attempts.Select(a => a.ResultStatus));
            Assert.Equal("ActivityFailed", attempts[0].NoAnswer);
            var recovery = attempts[0].Time - inFlightPostedAt;
            Log($"recovery: B1's lost call was counted as U {recovery.TotalSeconds:F1} s after it was started (StartToClose {CancelStartToClose.TotalSeconds:F0} s; the new process was ready {(restartedAt - inFlightPostedAt).TotalSeconds:F1} s after it)");
            Assert.True(attempts[0].Time >= inFlightPostedAt + CancelStartToClose - TimeSpan.FromSeconds(1), $"the lost call was given up at {attempts[0].Time:O}, before its StartToClose");

            // Known lost when its StartToClose passed, or as soon as the new process ran if that came later: not 30 s.
            var due = Max(inFlightPostedAt + CancelStartToClose, restartedAt);
            Assert.True(attempts[0].Time <= due + PickUpSlack, $"the lost call was given up {(attempts[0].Time - due).TotalSeconds:F1} s after it was due ({recovery.TotalSeconds:F1} s after it started)");
            var cancel = Assert.Single(CancelCalls(payments[inFlight]));
            AssertCall(cancel, "S", effective: true, fault: null);
            Assert.True(cancel.Time > killedAt);
        }

        // B2: Antom cancelled it before the crash, the S never reached Temporal; after StartToClose the workflow counted
        // the lost answer as U and resent the same request; Antom answered S with the original cancelTime, cancelling nothing.
        {
            var attempts = Attempts(statuses[unrecorded]);
            Assert.Equal(["U", "S"], attempts.Select(a => a.ResultStatus));
            Assert.Equal("ActivityFailed", attempts[0].NoAnswer);
            var cancels = CancelCalls(payments[unrecorded]);
            Assert.Equal(2, cancels.Count);
            AssertCall(cancels[0], "S", effective: true, fault: "delay");
            Assert.True(cancels[0].Time < killedAt, "B2's first call was processed after the crash");
            AssertCall(cancels[1], "S", effective: false, fault: null);
            Assert.True(cancels[1].Time > killedAt, "B2's resend was made before the crash");
            var reportedCancelTime = DateTimeOffset.Parse((string)statuses[unrecorded]["cancelTime"]!, CultureInfo.InvariantCulture);
            Assert.Equal(payments[unrecorded].CancelTime!.Value.ToUnixTimeSeconds(), reportedCancelTime.ToUnixTimeSeconds());
        }

        // C: one call, one S.
        Assert.Equal(["S"], Attempts(statuses[plain]).Select(a => a.ResultStatus));
        Assert.Single(CancelCalls(payments[plain]));

        // D: the first call cancelled it and lost the answer (U); the resend answered S and cancelled nothing.
        {
            Assert.Equal(["U", "S"], Attempts(statuses[answerLost]).Select(a => a.ResultStatus));
            Assert.Equal("ConnectionFailed", Attempts(statuses[answerLost])[0].NoAnswer);
            var cancels = CancelCalls(payments[answerLost]);
            Assert.Equal(2, cancels.Count);
            AssertCall(cancels[0], "S", effective: true, fault: "drop");
            Assert.Equal(0, cancels[0].HttpStatus);
            AssertCall(cancels[1], "S", effective: false, fault: null);
        }

        // E: the client gave up after Antom:Timeout (6 s, not the default 10 s), U; the resend cancelled it.
        {
            var status = statuses[slow];
            var attempts = Attempts(status);
            Assert.Equal(["U", "S"], attempts.Select(a => a.ResultStatus));
            Assert.Equal("Timeout", attempts[0].NoAnswer);
            var waited = attempts[0].Time - StepTime(status, "eligibility");
            Assert.InRange(waited, AntomTimeout - TimeSpan.FromSeconds(1), AntomTimeout + TimeSpan.FromSeconds(3)); // the default would be 10 s
        }

        Log($"done: frozen {frozenAt:HH:mm:ss.fff}, killed {killedAt:HH:mm:ss.fff}, restarted {restartedAt:HH:mm:ss.fff}");
    }

    /// <summary>
    /// The refund fallback's version of the gap: SIGKILL of the group while one refund call is still inside the simulator
    /// (never processed) and while another was refunded at Antom but its answer never reached Temporal. The new process
    /// resends the same refundRequestId for each: one effective refund per payment, both Refunded.
    /// </summary>
    [Fact]
    public async Task SigkillOfTheGroup_RefundInFlightAndBetweenRefundAndRecord_NewProcessEndsRefundedWithOneEffectiveRefundEach()
    {
        var inFlight = NewId("r1-refund-in-flight");     // killed while its refund call is at the simulator (never processed)
        var unrecorded = NewId("r2-refund-unrecorded");  // Antom refunded it and answered S; the worker never reported it
        string[] both = [inFlight, unrecorded];

        DateTimeOffset killedAt, postedAt;
        await using (var first = await DevModeInstance.StartAsync(folder.Path, ports, Settings))
        {
            Log($"first process ready (pid {first.Process.Pid})");
            var devServer = Assert.Single(StaleDevServers.Find(DatabasePath(first)));
            foreach (var id in both)
            {
                await PutPaidAlipayTwoDaysAgoAsync(first.Simulator, id);
            }

            await first.Simulator.QueueFaultsAsync(inFlight, new SimFault { Kind = "delay", DelayMs = 120_000, Api = "refund" });
            await first.Simulator.QueueFaultsAsync(unrecorded, new SimFault { Kind = "delay", DelayMs = 2_000, Api = "refund" });

            postedAt = DateTimeOffset.UtcNow;
            await PostRefundFallbackAsync(first, inFlight);
            await PostRefundFallbackAsync(first, unrecorded);
            await WaitForPaymentAsync(first.Simulator, inFlight, p => p.PendingFaults.Count == 0, StepTimeout);
            await WaitForPaymentAsync(first.Simulator, unrecorded, p => p.PendingFaults.Count == 0, StepTimeout);
            Log("both refund calls are at the simulator");

            PosixSignals.Freeze(devServer);
            var refunded = await WaitForPaymentAsync(first.Simulator, unrecorded, p => p.EffectiveRefunds == 1, StepTimeout);
            await Task.Delay(500); // the worker has the S answer and is trying to report it
            Assert.DoesNotContain((await first.Simulator.GetPaymentAsync(inFlight))!.Calls, c => c.Api == "refund");

            first.Process.KillProcessGroup();
            killedAt = DateTimeOffset.UtcNow;
            Assert.True(killedAt - postedAt < AntomTimeout, $"a refund call may have timed out before the kill ({(killedAt - postedAt).TotalSeconds:F1} s)");
            Assert.NotNull(await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Log($"process group SIGKILLed; {unrecorded} was refunded at Antom, unrecorded; {refunded.Refunds.Count} refund held");
        }

        Assert.True(await FreePorts.WaitUntilFreeAsync(ports.All, TimeSpan.FromSeconds(10)), "a port is still in use after the SIGKILL");
        await using var second = await DevModeInstance.StartAsync(folder.Path, ports, Settings);
        Log($"second process ready (pid {second.Process.Pid})");

        foreach (var id in both)
        {
            var status = await WaitForStatusAsync(second.Api, id, s => (string?)s["outcome"] is not null, FinishTimeout);
            var payment = (await second.Simulator.GetPaymentAsync(id))!;
            var refunds = RefundCalls(payment);
            Log($"{id}: {(string?)status["outcome"]}; refund calls {string.Join(", ", refunds.Select(c => $"{c.ResultStatus}{(c.Effective ? "*" : string.Empty)} at {c.Time:HH:mm:ss.fff}"))}");
            Assert.True("Refunded" == (string?)status["outcome"], status.ToJsonString());
            Assert.Equal("Succeeded", (string?)status["refundFallback"]!["state"]);
            Assert.Equal(($"refund-cancel-{id}", "2500"), ((string?)status["refundFallback"]!["refundRequestId"], (string?)status["refundFallback"]!["value"]));
            Assert.Equal((1, "2500"), (payment.EffectiveRefunds, payment.RefundedTotal.Value));
            Assert.Single(refunds, c => c.Effective);
            Assert.Equal(0, payment.EffectiveCancels);
            Assert.True(refunds[^1].Time > killedAt, $"{id}: no refund call after the crash");
        }

        // R1: the only refund call Antom processed is the new process's resend.
        Assert.True(Assert.Single(RefundCalls((await second.Simulator.GetPaymentAsync(inFlight))!)).Time > killedAt);

        // R2: the call before the crash refunded it; the resend of the same refundRequestId refunded nothing more.
        {
            var refunds = RefundCalls((await second.Simulator.GetPaymentAsync(unrecorded))!);
            Assert.True(refunds.Count >= 2, $"{refunds.Count} refund calls");
            AssertCall(refunds[0], "S", effective: true, fault: "delay");
            Assert.True(refunds[0].Time < killedAt);
            Assert.All(refunds.Skip(1), c => Assert.False(c.Effective));
        }
    }

    /// <summary>
    /// SIGKILL of the service alone while two cancels sit in their U-retry timers: the orphaned dev server lives on and
    /// fires the timers with no worker to run them; the next start stops it, starts the server again on the same database,
    /// and the resends happen there, once.
    /// </summary>
    [Fact]
    public async Task SigkillOfTheServiceAlone_InUBackoff_NextStartStopsTheOrphanAndFinishesWithOneEffectiveCancelEach()
    {
        var inBackoff = NewId("a-u-backoff");
        var answerLost = NewId("d-answer-lost");
        // Not disposed before the second start: disposing SIGKILLs the first process's group, which the orphan still belongs to.
        await using var first = await DevModeInstance.StartAsync(folder.Path, ports, Settings);
        foreach (var id in new[] { inBackoff, answerLost })
        {
            await PutPaidAlipayAsync(first.Simulator, id);
        }

        await first.Simulator.QueueFaultsAsync(inBackoff, new SimFault { Kind = "U", Count = 1 });
        await first.Simulator.QueueFaultsAsync(answerLost, new SimFault { Kind = "drop", ProcessFirst = true });
        await PostAsync(first, inBackoff);
        await PostAsync(first, answerLost);
        var timers = new List<DateTimeOffset>();
        foreach (var id in new[] { inBackoff, answerLost })
        {
            var status = await WaitForStatusAsync(first.Api, id, s => Attempts(s).Count == 1 && HasStep(s, "U-retry scheduled"), StepTimeout);
            timers.Add(Attempts(status)[0].Time + RetryDelay);
        }

        first.Process.KillServiceOnly();
        var killedAt = DateTimeOffset.UtcNow;
        Assert.NotNull(await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(killedAt < timers.Min(), "a retry timer may have fired before the kill");
        Log($"service SIGKILLed, {(timers.Min() - killedAt).TotalSeconds:F1} s before the first timer was due");

        // Its dev server, orphaned, keeps the ports and the database, and fires both timers while no worker polls.
        var orphans = StaleDevServers.Find(DatabasePath(first)).ToList();
        Assert.NotEmpty(orphans);
        var orphan = await TemporalClient.ConnectAsync(new($"127.0.0.1:{ports.Temporal}"));
        foreach (var id in new[] { inBackoff, answerLost })
        {
            await WaitUntilAsync(
                async () => (await orphan.GetWorkflowHandle($"cancel-{id}").FetchHistoryAsync()).Events.Any(e => e.EventType == EventType.TimerFired),
                RetryDelay + StepTimeout,
                $"{id}: the orphaned dev server did not fire the retry timer");
        }

        Log("the orphaned dev server fired both retry timers");

        await using var second = await DevModeInstance.StartAsync(folder.Path, ports, Settings);
        Log($"second process ready (pid {second.Process.Pid})");
        Assert.Contains("stopped a Temporal dev server left running", second.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StaleDevServers.Find(DatabasePath(second)), orphans.Contains);

        foreach (var id in new[] { inBackoff, answerLost })
        {
            var status = await WaitForStatusAsync(second.Api, id, s => (bool?)s["completed"] == true, FinishTimeout);
            var payment = (await second.Simulator.GetPaymentAsync(id))!;
            Log($"{id} completed: {string.Join(", ", Attempts(status).Select(a => $"{a.ResultStatus} at {a.Time:HH:mm:ss.fff}"))}");
            Assert.Equal("Cancelled", (string?)status["outcome"]);
            Assert.Equal(["U", "S"], Attempts(status).Select(a => a.ResultStatus));
            Assert.Equal(1, payment.EffectiveCancels);
            var cancels = CancelCalls(payment);
            Assert.Equal(2, cancels.Count);
            Assert.True(cancels[1].Time > killedAt, $"{id}: the resend was made before the kill");
            Assert.Equal(id == inBackoff, cancels[1].Effective);
        }
    }

    private sealed record Attempt(DateTimeOffset Time, string? ResultStatus, string? ResultCode, string? NoAnswer);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string NewId(string label) => $"crash-{label}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string DatabasePath(DevModeInstance dev) => Path.Combine(dev.DataDir, "temporal.db");

    /// <summary>Alipay (W5): paid a minute ago, cancellable until 00:15 UTC+8 the next day; a cancel refunds it in full.</summary>
    private static Task<SimPaymentView> PutPaidAlipayAsync(SimulatorControlClient simulator, string id) =>
        simulator.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-1),
            PaymentTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        });

    /// <summary>Alipay paid two days ago: past its W5 cancel window, inside its refund period.</summary>
    private static Task<SimPaymentView> PutPaidAlipayTwoDaysAgoAsync(SimulatorControlClient simulator, string id) =>
        simulator.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "2500"),
            CreateTime = DateTimeOffset.UtcNow.AddDays(-2).AddMinutes(-1),
            PaymentTime = DateTimeOffset.UtcNow.AddDays(-2),
        });

    private static async Task PostRefundFallbackAsync(DevModeInstance dev, string id)
    {
        using var response = await dev.Api.PostCancellationAsync(new { paymentRequestId = id, reason = "crash test", fallback = "refund" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static List<SimCall> RefundCalls(SimPaymentView payment) => [.. payment.Calls.Where(c => c.Api == "refund")];

    private static async Task PostAsync(DevModeInstance dev, string id)
    {
        using var response = await dev.Api.PostCancellationAsync(new { paymentRequestId = id, reason = "crash test" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static List<Attempt> Attempts(JsonObject status) =>
        [.. status["attempts"]!.AsArray().Select(a => new Attempt(
            DateTimeOffset.Parse((string)a!["time"]!, CultureInfo.InvariantCulture),
            (string?)a["resultStatus"],
            (string?)a["resultCode"],
            (string?)a["noAnswer"]))];

    private static bool HasStep(JsonObject status, string name) =>
        status["steps"]!.AsArray().Any(s => (string?)s!["name"] == name);

    private static DateTimeOffset StepTime(JsonObject status, string name) =>
        DateTimeOffset.Parse((string)status["steps"]!.AsArray().First(s => (string?)s!["name"] == name)!["time"]!, CultureInfo.InvariantCulture);

    private static void AssertCall(SimCall call, string resultStatus, bool effective, string? fault)
    {
        Assert.Equal(resultStatus, call.ResultStatus);
        Assert.Equal(effective, call.Effective);
        Assert.Equal(fault, call.FaultApplied);
    }

    private static List<SimCall> CancelCalls(SimPaymentView payment) => [.. payment.Calls.Where(c => c.Api == "cancel")];

    private static async Task<JsonObject> WaitForStatusAsync(HttpClient api, string id, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await api.GetAsync($"v1/cancellations/{id}");
            if (response.IsSuccessStatusCode)
            {
                last = await response.ReadObjectAsync();
                if (done(last))
                {
                    return last;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{id}: not there within {timeout}; last status: {last?.ToJsonString() ?? "none"}");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{failure} within {timeout}");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<SimPaymentView> WaitForPaymentAsync(SimulatorControlClient simulator, string id, Func<SimPaymentView, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        SimPaymentView? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await simulator.GetPaymentAsync(id);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{id}: the simulator did not get there within {timeout}; last: {last}");
    }

    private void Log(string text) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {text}");
}
