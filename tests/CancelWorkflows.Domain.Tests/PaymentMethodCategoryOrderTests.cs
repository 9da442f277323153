using System.Text;
using CancelWorkflows.Domain;
using static CancelWorkflows.Domain.Tests.TestPayments;

namespace CancelWorkflows.Domain.Tests;

/// <summary>
/// The narrowing order of Table 1 rows, as a table, and checked against the policy itself: wherever the table says A allows no
/// more than B, no scenario lets A cancel where B refuses; wherever it says not, some scenario shows A cancelling where B refuses.
/// </summary>
public class PaymentMethodCategoryOrderTests
{
    private static readonly DateTimeOffset Now = AtUtc8(2024, 5, 10, 12, 0);

    // One code per category, in a catalogue of their own so the test depends on no real code.
    private static readonly PaymentMethodCatalogue OnePerCategory = LoadOnePerCategory();

    private static readonly bool[] NotCapturedThenCaptured = [false, true];

    /// <summary>Row: the category; columns: the bound, in <see cref="PaymentMethodCategory"/> order. Y = allows no more.</summary>
    public static TheoryData<PaymentMethodCategory, PaymentMethodCategory, bool> Table()
    {
        string[] matrix =
        [
            //                 IL JKO TH Card MP Other
            /* IndonesianLocal */ "Y Y Y Y Y Y",
            /* JkoPay          */ "Y Y Y Y Y Y",
            /* ThaiBanking     */ "N N Y Y Y Y",
            /* Card            */ "N N N Y Y N",
            /* MercadoPago     */ "N N N N Y N",
            /* Other           */ "N N N N Y Y",
        ];
        var categories = Enum.GetValues<PaymentMethodCategory>();
        var data = new TheoryData<PaymentMethodCategory, PaymentMethodCategory, bool>();
        for (var row = 0; row < categories.Length; row++)
        {
            string[] cells = matrix[row].Split(' ');
            for (var column = 0; column < categories.Length; column++)
            {
                data.Add(categories[row], categories[column], cells[column] == "Y");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void AllowsNoMoreThan_AntomWindows_FollowsTheTable(PaymentMethodCategory category, PaymentMethodCategory bound, bool expected)
    {
        Assert.Equal(expected, PaymentMethodCategoryOrder.AllowsNoMoreThan(category, bound, CancelWindows.Antom));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void AllowsNoMoreThan_CheckedAgainstThePolicy_NoScenarioContradictsTheTable(PaymentMethodCategory category, PaymentMethodCategory bound, bool expected)
    {
        var widenings = Scenarios()
            .Where(s => Proceeds(category, s.Facts) && !Proceeds(bound, s.Facts))
            .Select(s => s.Name)
            .ToList();

        if (expected)
        {
            Assert.True(widenings.Count == 0, $"{category} cancels where {bound} refuses: {string.Join(", ", widenings)}");
        }
        else
        {
            Assert.True(widenings.Count > 0, $"no scenario shows {category} allowing more than {bound}; the table is stricter than the rules");
        }
    }

    [Fact]
    public void AllowsNoMoreThan_W3InW4_OnlyWhileTheCardWindowIsNoLongerThanMercadoPagos()
    {
        var narrowMercadoPago = CancelWindows.Antom with { MercadoPagoWindow = TimeSpan.FromDays(2) };

        Assert.True(PaymentMethodCategoryOrder.AllowsNoMoreThan(PaymentMethodCategory.Card, PaymentMethodCategory.MercadoPago, CancelWindows.Antom));
        Assert.False(PaymentMethodCategoryOrder.AllowsNoMoreThan(PaymentMethodCategory.Card, PaymentMethodCategory.MercadoPago, narrowMercadoPago));
        Assert.True(PaymentMethodCategoryOrder.AllowsNoMoreThan(PaymentMethodCategory.Card, PaymentMethodCategory.MercadoPago, narrowMercadoPago with { CardWindow = TimeSpan.FromDays(2) }));
    }

    [Fact]
    public void AllowsNoMoreThan_W5InW4_OnlyWhileMercadoPagosWindowCoversDayTPlusOneCutoff()
    {
        var oneDay = CancelWindows.Antom with { MercadoPagoWindow = TimeSpan.FromDays(1) };

        Assert.False(PaymentMethodCategoryOrder.AllowsNoMoreThan(PaymentMethodCategory.Other, PaymentMethodCategory.MercadoPago, oneDay));
        Assert.True(PaymentMethodCategoryOrder.AllowsNoMoreThan(PaymentMethodCategory.Other, PaymentMethodCategory.MercadoPago, oneDay with { MercadoPagoWindow = TimeSpan.FromDays(1) + TimeSpan.FromMinutes(15) }));
        Assert.True(PaymentMethodCategoryOrder.AllowsNoMoreThan(PaymentMethodCategory.ThaiBanking, PaymentMethodCategory.MercadoPago, oneDay));
    }

    [Fact]
    public void Containments_EveryRowExplainsItself()
    {
        Assert.All(PaymentMethodCategoryOrder.Containments, c =>
        {
            Assert.NotEqual(c.Narrower, c.Wider);
            Assert.False(string.IsNullOrWhiteSpace(c.Why));
            Assert.Equal(c.Condition is null, c.HoldsFor is null);
        });
    }

    private static bool Proceeds(PaymentMethodCategory category, PaymentFacts facts) =>
        CancelWindowPolicy.Evaluate(facts with { PaymentMethodType = category.ToString() }, Now, CancelWindows.Antom, OnePerCategory).Verdict
            == EligibilityVerdict.Proceed;

    /// <summary>Unpaid and paid payments across the windows' edges, captured and not (capture only matters to cards).</summary>
    private static IEnumerable<(string Name, PaymentFacts Facts)> Scenarios()
    {
        yield return ("unpaid, 1 min old", Unpaid("x", Now.AddMinutes(-1)));
        yield return ("unpaid, 30 min old", Unpaid("x", Now.AddMinutes(-30)));
        yield return ("pending", Unpaid("x", Now.AddMinutes(-30), PaymentStatus.Pending));
        TimeSpan[] ages =
        [
            TimeSpan.FromMinutes(5), TimeSpan.FromHours(11), TimeSpan.FromHours(12) + TimeSpan.FromMinutes(14),
            TimeSpan.FromHours(20), TimeSpan.FromHours(30), TimeSpan.FromDays(3), TimeSpan.FromDays(7),
            TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1), TimeSpan.FromDays(8),
        ];
        foreach (TimeSpan age in ages)
        {
            foreach (bool captured in NotCapturedThenCaptured)
            {
                yield return ($"paid {age} ago{(captured ? ", captured" : string.Empty)}", Paid("x", Now - age, captured));
            }
        }
    }

    private static PaymentMethodCatalogue LoadOnePerCategory()
    {
        string rows = string.Join(",", Enum.GetValues<PaymentMethodCategory>().Select(c => $$"""{"code":"{{c}}","category":"{{c}}"}"""));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"methods":[{{rows}}]}"""));
        return PaymentMethodCatalogue.Load(stream);
    }
}
