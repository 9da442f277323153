using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Promotions;

/// <summary>Refuses a start with unusable <c>Promotions:*</c> settings (each message names its setting).</summary>
public sealed class PromotionOptionsValidator : IValidateOptions<PromotionOptions>
{
    public ValidateOptionsResult Validate(string? name, PromotionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
