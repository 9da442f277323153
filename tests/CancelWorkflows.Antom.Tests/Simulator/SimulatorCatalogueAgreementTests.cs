using System.Text.Json;
using CancelWorkflows.Antom.Client;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>
/// The simulator keeps its own small copy of the method lists (W1–W5). This test makes drift visible: for every code in
/// the Domain's embedded <c>payment-methods.json</c>, the simulator's cancel answers must match the code's category.
/// </summary>
public sealed class SimulatorCatalogueAgreementTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Cancel_EveryCatalogueCode_AnswersAsItsDomainCategory()
    {
        var catalogue = LoadCatalogue();
        Assert.NotEmpty(catalogue);
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var client = sim.Client();
        var mismatches = new List<string>();

        foreach (var (code, category) in catalogue)
        {
            // unpaid (1 min old); paid 1 h ago (same UTC+8 day); paid 3 days ago. S = cancellable, F = CANCEL_WINDOW_EXCEED.
            var expected = category switch
            {
                "IndonesianLocal" or "JkoPay" => "FFF",
                "ThaiBanking" => "SFF",
                "Card" or "MercadoPago" => "SSS",
                "Other" => "SSF",
                _ => $"unknown category {category}: teach the simulator (SimCancelRules) and this test",
            };
            var actual = string.Concat(
                await StatusAsync(sim, client, $"u-{code}", SimulatorHarness.Unpaid(Now.AddMinutes(-1), code)),
                await StatusAsync(sim, client, $"p1-{code}", SimulatorHarness.Paid(Now.AddHours(-1), code)),
                await StatusAsync(sim, client, $"p3-{code}", SimulatorHarness.Paid(Now.AddDays(-3), code)));
            if (actual != expected)
            {
                mismatches.Add($"{code} ({category}): expected {expected}, simulator {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private static async Task<string> StatusAsync(SimulatorHarness sim, IAntomClient client, string id, AntomSimulator.SimPaymentInput input)
    {
        await sim.Control.PutPaymentAsync(id, input);
        var call = await client.CancelAsync(SimulatorHarness.Cancel(id));
        return call.Answer?.Result.ResultStatus is "F" && call.Answer.Result.ResultCode != "CANCEL_WINDOW_EXCEED"
            ? $"[{call.Answer.Result.ResultCode}]"
            : call.Answer?.Result.ResultStatus ?? $"[{call.NoAnswer}]";
    }

    private static List<(string Code, string Category)> LoadCatalogue()
    {
        using var stream = typeof(CancelWorkflows.Domain.Money).Assembly.GetManifestResourceStream("CancelWorkflows.Domain.payment-methods.json")
            ?? throw new InvalidOperationException("The Domain no longer embeds payment-methods.json.");
        using var json = JsonDocument.Parse(stream);
        return [.. json.RootElement.GetProperty("methods").EnumerateArray()
            .Select(m => (m.GetProperty("code").GetString()!, m.GetProperty("category").GetString()!))];
    }
}
