using System.CommandLine;
using System.CommandLine.Parsing;

namespace CancelWorkflows.Cli.Parsing;

/// <summary>Options whose values are checked while parsing, so a bad value is a usage error (exit 2) before anything is sent.</summary>
public static class ValueOptions
{
    /// <summary>Antom's limit for <c>paymentRequestId</c> and <c>paymentId</c>.</summary>
    public const int MaxPaymentIdLength = 64;

    public static Option<TimeSpan?> Duration(string name, string description, TimeSpan? minimum = null, TimeSpan? maximum = null) => new(name)
    {
        Description = description,
        HelpName = "duration",
        CustomParser = result =>
        {
            var text = SingleToken(result);
            if (!DurationText.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
            {
                result.AddError($"{name}: '{text}' is not a positive duration (e.g. {DurationText.Examples}).");
                return null;
            }

            if (duration < minimum || duration > maximum)
            {
                result.AddError($"{name}: {DurationText.Format(duration)} is outside {Describe(minimum, maximum)}.");
                return null;
            }

            return duration;
        },
    };

    public static Option<DateTimeOffset?> Timestamp(string name, string description, TimeProvider clock) => new(name)
    {
        Description = description,
        HelpName = "time",
        CustomParser = result =>
        {
            var text = SingleToken(result);
            if (!TimestampText.TryParse(text, clock.GetUtcNow(), out var timestamp))
            {
                result.AddError($"{name}: '{text}' is not a time (e.g. {TimestampText.Examples}).");
                return null;
            }

            return timestamp;
        },
    };

    /// <summary>One of <paramref name="choices"/>, matched without regard to case and answered in their own spelling.</summary>
    public static Option<string?> Choice(string name, string description, IReadOnlyList<string> choices) => new(name)
    {
        Description = $"{description} ({string.Join(", ", choices)})",
        HelpName = "value",
        CustomParser = result =>
        {
            var text = SingleToken(result);
            var match = choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                result.AddError($"{name}: '{text}' is not one of {string.Join(", ", choices)}.");
            }

            return match;
        },
    };

    public static Option<int?> WholeNumber(string name, string description, int minimum, int maximum) => new(name)
    {
        Description = $"{description} ({minimum}–{maximum})",
        HelpName = "n",
        CustomParser = result =>
        {
            var text = SingleToken(result);
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                || value < minimum || value > maximum)
            {
                result.AddError($"{name}: '{text}' is not a whole number from {minimum} to {maximum}.");
                return null;
            }

            return value;
        },
    };

    /// <summary><c>--flag</c>, <c>--flag true</c> or <c>--flag false</c>; absent: null (no filter).</summary>
    public static Option<bool?> Flag(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return true;
            }

            var text = result.Tokens[0].Value;
            if (bool.TryParse(text, out var value))
            {
                return value;
            }

            result.AddError($"{name}: '{text}' is not true or false.");
            return null;
        },
    };

    /// <summary>Free text that must not be blank once given.</summary>
    public static Option<string?> Text(string name, string description, int maximumLength = 1024) => new(name)
    {
        Description = description,
        HelpName = "text",
        CustomParser = result =>
        {
            var text = SingleToken(result).Trim();
            if (text.Length == 0)
            {
                result.AddError($"{name}: must not be empty.");
                return null;
            }

            if (text.Length > maximumLength)
            {
                result.AddError($"{name}: at most {maximumLength} characters.");
                return null;
            }

            return text;
        },
    };

    /// <summary>A payment id as Antom accepts it (A2): 1–64 characters, blanks around trimmed.</summary>
    public static Option<string?> PaymentId(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "id",
        CustomParser = result => CheckedPaymentId(name, SingleToken(result), result),
    };

    public static Argument<string> PaymentIdArgument(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => CheckedPaymentId(name, SingleToken(result), result) ?? string.Empty,
    };

    private static string? CheckedPaymentId(string name, string text, ArgumentResult result)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxPaymentIdLength)
        {
            result.AddError($"{name}: a payment id has 1 to {MaxPaymentIdLength} characters.");
            return null;
        }

        return trimmed;
    }

    private static string SingleToken(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    private static string Describe(TimeSpan? minimum, TimeSpan? maximum) => (minimum, maximum) switch
    {
        ({ } min, { } max) => $"{DurationText.Format(min)}–{DurationText.Format(max)}",
        ({ } min, null) => $"at least {DurationText.Format(min)}",
        (null, { } max) => $"at most {DurationText.Format(max)}",
        _ => "the allowed range",
    };
}
