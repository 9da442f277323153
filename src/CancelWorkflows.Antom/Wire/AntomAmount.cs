namespace CancelWorkflows.Antom.Wire;

/// <summary>Antom's Amount: currency and value in minor units, both strings on the wire.</summary>
public sealed record AntomAmount(string Currency, string Value);
