namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>
/// The simulator answers as Antom would for each Table 1 row, through the real Antom client, using methods Antom lists that the
/// simulator's own copy of the lists used to miss. Each scenario: (status, minutes since payment or creation, captured) → the
/// answer; "F" is CANCEL_WINDOW_EXCEED, Antom's documented code for "outside the cancel period".
/// </summary>
public sealed class SimulatorMethodCategoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("OCTOCLICKS", "PROCESSING", 1, "F")]
    [InlineData("OCTOCLICKS", "SUCCESS", 5, "F")]
    [InlineData("DOKU", "PROCESSING", 1, "F")]
    [InlineData("AKULAKU_PAYLATER", "SUCCESS", 5, "F")]
    public async Task Cancel_W1IndonesianMethod_AnswersCancelWindowExceedAtAnyStatus(string method, string status, int minutes, string expected)
    {
        Assert.Equal(expected, await CancelAsync(method, status, minutes));
    }

    [Theory]
    [InlineData("PROCESSING", 1, "F")]
    [InlineData("SUCCESS", 5, "F")]
    public async Task Cancel_W1JkoPay_AnswersCancelWindowExceedAtAnyStatus(string status, int minutes, string expected)
    {
        Assert.Equal(expected, await CancelAsync("JKOPAY", status, minutes));
    }

    [Theory]
    [InlineData("BANKTRANSFER_BANGKOKBANK", "SUCCESS", 5, "F")] // a paid Thai bank transfer: past its cancel period
    [InlineData("BANKTRANSFER_SIAMCOMMERCIALBANK", "SUCCESS", 5, "F")]
    [InlineData("PROMPTPAY", "SUCCESS", 5, "F")]
    [InlineData("BANKTRANSFER_BANGKOKBANK", "PROCESSING", 1, "S")] // before payment completes: cancellable
    public async Task Cancel_W2ThaiBankTransfer_AnswersCancelWindowExceedOncePaid(string method, string status, int minutes, string expected)
    {
        Assert.Equal(expected, await CancelAsync(method, status, minutes));
    }

    [Theory]
    [InlineData("MIXEDCARD", false, 3 * 24 * 60, "S")]
    [InlineData("MIXEDCARD", true, 5, "F")] // captured (N2)
    [InlineData("GOOGLEPAY", false, (7 * 24 * 60) + 1, "F")]
    public async Task Cancel_W3Card_AnswersBySevenDaysWhileNotCaptured(string method, bool captured, int minutes, string expected)
    {
        Assert.Equal(expected, await CancelAsync(method, "SUCCESS", minutes, captured));
    }

    [Theory]
    [InlineData(3 * 24 * 60, "S")]
    [InlineData((7 * 24 * 60) + 1, "F")]
    public async Task Cancel_W4MercadoPagoPeru_AnswersBySevenDays(int minutes, string expected)
    {
        Assert.Equal(expected, await CancelAsync("MERCADOPAGO_PE", "SUCCESS", minutes));
    }

    [Theory]
    [InlineData("TRUEMONEY", 60, "S")] // a Thai wallet is W5, not W2
    [InlineData("TRUEMONEY", 3 * 24 * 60, "F")]
    [InlineData("NOT_A_CATALOGUED_CODE", 60, "S")] // a code Antom's list lacks is "every other method"
    public async Task Cancel_W5Other_AnswersByTheNextDayCutoff(string method, int minutes, string expected)
    {
        Assert.Equal(expected, await CancelAsync(method, "SUCCESS", minutes));
    }

    /// <summary>S, or F when the code is CANCEL_WINDOW_EXCEED; anything else is spelt out so a wrong code fails the test.</summary>
    private static async Task<string> CancelAsync(string method, string status, int minutes, bool captured = false)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var id = SimulatorHarness.NewId(method.ToLowerInvariant());
        var at = Now.AddMinutes(-minutes);
        await sim.Control.PutPaymentAsync(id, status == "SUCCESS" ? SimulatorHarness.Paid(at, method, captured) : SimulatorHarness.Unpaid(at, method));

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        return call.Answer?.Result switch
        {
            { ResultStatus: "S" } => "S",
            { ResultStatus: "F", ResultCode: "CANCEL_WINDOW_EXCEED" } => "F",
            { } other => $"{other.ResultStatus} {other.ResultCode}",
            null => $"no answer: {call.NoAnswer} {call.Detail}",
        };
    }
}
