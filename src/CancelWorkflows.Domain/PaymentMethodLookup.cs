namespace CancelWorkflows.Domain;

/// <summary>What the catalogue knows about one <c>paymentMethodType</c>.</summary>
/// <param name="Code">The code in the catalogue's spelling when known, else the code as given (trimmed); null when none was given.</param>
/// <param name="Category">The Table 1 row; <see cref="PaymentMethodCategory.Other"/> (W5) for an unknown code.</param>
/// <param name="Known">False when the code is missing or not in the catalogue: the caller should log it (the domain does no I/O).</param>
public sealed record PaymentMethodLookup(string? Code, PaymentMethodCategory Category, bool Known);
