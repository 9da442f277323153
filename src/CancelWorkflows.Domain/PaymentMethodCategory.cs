using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>The rows of the seed's Table 1: which cancel window applies to a payment method.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentMethodCategory>))]
public enum PaymentMethodCategory
{
    /// <summary>W1: Indonesian local payment methods — cancel never allowed.</summary>
    IndonesianLocal,

    /// <summary>W1: JKOPay — cancel never allowed.</summary>
    JkoPay,

    /// <summary>W2: Thai online banking, mobile banking apps and bank transfer — only before payment completes.</summary>
    ThaiBanking,

    /// <summary>W3: cards — within 7 days after payment, and only while not captured (N2).</summary>
    Card,

    /// <summary>W4: Mercado Pago (Brazil, Chile, Mexico, Peru) — within 7 days after payment.</summary>
    MercadoPago,

    /// <summary>W5: every other method — a paid payment until 00:15 UTC+8 on day T+1.</summary>
    Other,
}
