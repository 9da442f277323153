using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using WorkflowRefundStates = CancelWorkflows.Workflows.Reconciliation.RefundStates;

namespace CancelWorkflows.Service.Tests.Contracts;

/// <summary>
/// The API answers with its contracts, never with a workflow's object, and nothing is dropped on the way: every property
/// of the workflow's state reaches the contract with its value and its JSON name (so a property added to
/// <see cref="CancelStatus"/> or <see cref="PromoProgress"/> and not to the contract and its mapping fails here), and the
/// real answers captured before the contracts had a project of their own come out the same, field by field.
/// </summary>
public sealed class ContractMappingTests
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    [Fact]
    public void CancelStatus_EveryPropertySet_TheContractCarriesEachWithItsValue() =>
        AssertSameJson(EveryPropertySet.Create<CancelStatus>(), s => s.ToContract());

    [Fact]
    public void PromoProgress_EveryPropertySet_TheContractCarriesEachWithItsValue() =>
        AssertSameJson(EveryPropertySet.Create<PromoProgress>(), p => p.ToContract());

    [Theory]
    [InlineData(WireSamples.LateSuccess)]
    [InlineData(WireSamples.EscalatedResolved)]
    [InlineData(WireSamples.Scheduled)]
    public void CapturedStatus_ReadAsTheWorkflowStateAndMapped_SameJsonAsTheApiAnsweredBefore(string sample)
    {
        var before = WireSamples.Read(sample);

        var state = before.Deserialize<CancelStatus>(Wire)!;
        var now = JsonSerializer.SerializeToNode(state.ToContract(), Wire)!;

        AssertSame(before, WireSamples.WithoutFieldsAddedSinceCapture(now, before));
    }

    [Fact]
    public void CapturedStartAnswer_ReadAsTheContract_SameJsonAsTheApiAnsweredBefore()
    {
        var before = WireSamples.Read(WireSamples.StartDecided);
        var state = before["cancellation"].Deserialize<CancelStatus>(Wire)!;

        var answer = before.Deserialize<StartCancellationResult>(Wire)! with { Cancellation = state.ToContract() };

        AssertSame(before, WireSamples.WithoutFieldsAddedSinceCapture(JsonSerializer.SerializeToNode(answer, Wire)!, before));
    }

    [Fact]
    public void CapturedListPage_ReadAsTheContract_SameJsonAsTheApiAnsweredBefore()
    {
        var before = WireSamples.Read(WireSamples.ListPage);

        AssertSame(before, JsonSerializer.SerializeToNode(before.Deserialize<CancellationPage>(Wire), Wire)!);
    }

    [Fact]
    public void Outcomes_TheContractsValuesAreTheWorkflowsValues() =>
        Assert.Equal(ConstantsOf(typeof(CancelOutcomes)), CancellationOutcomes.All.Order(StringComparer.Ordinal));

    [Fact]
    public void RefundStates_TheContractsValuesAreTheWorkflowsValues() =>
        Assert.Equal(ConstantsOf(typeof(WorkflowRefundStates)), RefundStates.All.Order(StringComparer.Ordinal));

    [Fact]
    public void Callback_TheWorkflowsNoticeAndTheContractHaveTheSameFieldsAndValues()
    {
        // The notice is what the activity POSTs (serialised with the web defaults); the contract is what receivers read.
        var notice = EveryPropertySet.Create<CallerNotice>();

        var sent = JsonSerializer.SerializeToNode(notice, Wire)!;
        var read = JsonSerializer.SerializeToNode(sent.Deserialize<CancellationCallback>(Wire), Wire)!;

        AssertSame(sent, read);
    }

    private static void AssertSameJson<TState, TContract>(TState state, Func<TState, TContract> map)
    {
        var expected = JsonSerializer.SerializeToNode(state, Wire)!;
        var actual = JsonSerializer.SerializeToNode(map(state), Wire)!;

        AssertSame(expected, actual);
    }

    /// <summary>The same fields, in the same order, with the same values (nested included).</summary>
    private static void AssertSame(JsonNode expected, JsonNode actual)
    {
        Assert.Equal(Names(expected), Names(actual));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected:\n{expected.ToJsonString()}\nactual:\n{actual.ToJsonString()}");
    }

    private static List<string> Names(JsonNode node) => node switch
    {
        JsonObject o => [.. o.SelectMany(p => (IEnumerable<string>)[p.Key, .. p.Value is null ? [] : Names(p.Value).Select(n => $"{p.Key}.{n}")])],
        JsonArray a => [.. a.Where(i => i is not null).SelectMany(i => Names(i!))],
        _ => [],
    };

    private static IEnumerable<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
}
