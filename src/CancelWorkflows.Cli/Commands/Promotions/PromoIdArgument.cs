using System.CommandLine;
using System.CommandLine.Parsing;

namespace CancelWorkflows.Cli.Commands.Promotions;

/// <summary>The <c>promoId</c> argument, checked while parsing (1-48 letters, digits, '.', '_', '-'; bad → exit 2).</summary>
public static class PromoIdArgument
{
    public const int MaxLength = 48;

    public static Argument<string> Create() => new("promoId")
    {
        Description = "The promotion's id (its schedule is promo-expiry-<promoId>)",
        CustomParser = Parse,
    };

    private static string Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : string.Empty;
        var valid = text.Length is > 0 and <= MaxLength
            && char.IsAsciiLetterOrDigit(text[0])
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
        if (!valid)
        {
            result.AddError($"promoId: 1 to {MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        return text;
    }
}
