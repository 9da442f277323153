namespace CancelWorkflows.Domain;

/// <summary>An amount as Antom carries it: ISO 4217 currency and the value in minor units, as a string.</summary>
public sealed record Money(string Currency, string Value);
