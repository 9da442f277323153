namespace CancelWorkflows.Antom.Wire;

/// <summary>Antom's <c>result</c> object, present on every answer and notification. Kept as raw strings:
/// an unknown status must stay visible as what it was, never be mapped to a default (docs/antom-api.md §6 pitfall).</summary>
public sealed record AntomResult(string? ResultCode, string? ResultStatus, string? ResultMessage)
{
    public static AntomResult Success { get; } = new("SUCCESS", "S", "success");
}
