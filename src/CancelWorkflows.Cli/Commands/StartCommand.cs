using System.CommandLine;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Parsing;
using CancelWorkflows.Cli.Views;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Commands;

/// <summary><c>start</c>: cancel one payment (or find the cancellation that exists), optionally waiting for the outcome.</summary>
public static class StartCommand
{
    /// <summary>Added to the wait for the HTTP call's own time limit: the service answers at the end of the wait.</summary>
    private static readonly TimeSpan WaitMargin = TimeSpan.FromSeconds(15);

    public static Command Create(CommandRunner runner, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var paymentRequestId = ValueOptions.PaymentId("--payment-request-id", "The merchant's id of the payment (names the workflow: cancel-<id>)");
        var paymentId = ValueOptions.PaymentId("--payment-id", "Antom's id of the payment, when the merchant's is not known");
        var reason = ValueOptions.Text("--reason", "Why it is cancelled (recorded, shown in Temporal Web)", 256);
        var bookingRef = ValueOptions.Text("--booking-ref", "The booking the payment belongs to (searchable)", 64);
        var merchant = ValueOptions.Text("--merchant", "The merchant or brand (searchable; a list filter)", 64);
        var antomMerchant = ValueOptions.Text("--antom-merchant", "The Antom merchant account to cancel as (a configured name; default: the caller's, else the default merchant)", 64);
        var callbackUrl = CallbackUrlOption();
        var fallback = ValueOptions.Choice(
            "--fallback", "When the payment is paid and can no longer be cancelled: refund it in full instead (refund), or not (none); default: the caller's or the merchant's configured one, else none", CancellationFallbacks.All);
        var idempotencyKey = ValueOptions.Text("--idempotency-key", "Idempotency-Key: a retry with the same key gets the first answer", 255);
        var notBefore = ValueOptions.Timestamp(
            "--not-before", "Do not call Antom before this time (e.g. now+30m, 2025-03-01T12:00:00+08:00; at most 30 days ahead)", clock);
        var wait = ValueOptions.WholeNumber("--wait", "Wait up to this many seconds for the outcome", 0, (int)CancelWorkflowsClient.MaxWait.TotalSeconds);
        wait.HelpName = "seconds";

        var command = new Command("start", "Cancel one payment, or show the cancellation that already exists for it")
        {
            paymentRequestId, paymentId, reason, bookingRef, merchant, antomMerchant, callbackUrl, fallback, notBefore, idempotencyKey, wait,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(paymentRequestId) is null && result.GetResult(paymentId) is null)
            {
                result.AddError("start needs --payment-request-id or --payment-id (or both).");
            }
        });

        runner.Bind(command, async context =>
        {
            var request = new StartCancellationRequest
            {
                PaymentRequestId = context.Value(paymentRequestId),
                PaymentId = context.Value(paymentId),
                Reason = context.Value(reason),
                BookingRef = context.Value(bookingRef),
                Merchant = context.Value(merchant),
                AntomMerchant = context.Value(antomMerchant),
                CallbackUrl = context.Value(callbackUrl)?.OriginalString,
                NotBefore = context.Value(notBefore),
                Fallback = context.Value(fallback),
            };
            var waitFor = context.Value(wait) is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var requestTimeout = waitFor is { } w && w + WaitMargin > context.RequestTimeout ? w + WaitMargin : context.RequestTimeout;
            var client = context.CreateClient(requestTimeout);
            var started = await client.StartAsync(request, context.Value(idempotencyKey), waitFor, context.CancellationToken);
            if (context.Json)
            {
                context.WriteJson(started);
                return;
            }

            var follow = request.PaymentRequestId is { } prid ? $"cancelctl watch {prid}" : $"cancelctl status {request.PaymentId} --by-payment-id";
            StartView.Write(context.Out, started, follow, waitFor);
        });
        return command;
    }

    private static Option<Uri?> CallbackUrlOption() => new("--callback-url")
    {
        Description = "Absolute http(s) URL the service POSTs signed events to (outcome, refund reconciliation)",
        HelpName = "url",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (ServiceConnection.TryParseUrl(text, out var url) && text.Length <= 1024)
            {
                return url;
            }

            result.AddError($"--callback-url: '{text}' is not an absolute http:// or https:// URL (at most 1024 characters).");
            return null;
        },
    };
}
