using System.Text.Json;
using CancelWorkflows.Domain;

namespace CancelWorkflows.Domain.Tests;

/// <summary>The records travel as Temporal payloads: they must round-trip through System.Text.Json with default options.</summary>
public class PayloadSerializationTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void PaymentFacts_RoundTrips_WithStatusByName()
    {
        var facts = new PaymentFacts(PaymentStatus.Success, "CARD", TestPayments.AtUtc8(2024, 5, 1, 11, 58), TestPayments.AtUtc8(2024, 5, 1, 12, 0), true, false, new Money("USD", "1000"));

        string json = JsonSerializer.Serialize(facts, Web);

        Assert.Contains("\"status\":\"Success\"", json, StringComparison.Ordinal);
        Assert.Equal(facts, JsonSerializer.Deserialize<PaymentFacts>(json, Web));
    }

    [Fact]
    public void EligibilityDecision_RoundTrips_WithEnumsByName()
    {
        EligibilityDecision decision = EligibilityDecision.Proceed(CancelKind.VoidCardAuthorization, "W3", "inside the card window");

        string json = JsonSerializer.Serialize(decision);

        Assert.Equal("""{"Verdict":"Proceed","Kind":"VoidCardAuthorization","Rule":"W3","Advice":null,"Reason":"inside the card window"}""", json);
        Assert.Equal(decision, JsonSerializer.Deserialize<EligibilityDecision>(json));
    }

    [Fact]
    public void CancelAnswerClassification_RoundTrips_IncludingDetail()
    {
        CancelAnswerClassification classification = CancelAnswerClassifier.Classify("F", "CANCEL_WINDOW_EXCEED");

        CancelAnswerClassification? back = JsonSerializer.Deserialize<CancelAnswerClassification>(JsonSerializer.Serialize(classification, Web), Web);

        Assert.Equal(classification, back);
        Assert.Equal(classification.Detail, back!.Detail);
    }

    [Fact]
    public void CancelWindowsAndLookup_RoundTrip()
    {
        var windows = CancelWindows.Antom with { CardWindow = TimeSpan.FromDays(3) };
        var lookup = new PaymentMethodLookup("DANA", PaymentMethodCategory.IndonesianLocal, true);

        Assert.Equal(windows, JsonSerializer.Deserialize<CancelWindows>(JsonSerializer.Serialize(windows, Web), Web));
        Assert.Equal(lookup, JsonSerializer.Deserialize<PaymentMethodLookup>(JsonSerializer.Serialize(lookup, Web), Web));
        Assert.Contains("\"category\":\"IndonesianLocal\"", JsonSerializer.Serialize(lookup, Web), StringComparison.Ordinal);
    }
}
