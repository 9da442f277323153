using Microsoft.Extensions.Options;

namespace CancelWorkflows.Antom.Client;

/// <summary>
/// What data annotations cannot say: each key is present exactly once (file or inline), readable and an RSA key of the
/// right kind (Antom's next key too, during a rotation); the timeout is positive. Messages name the setting (<c>Antom:MerchantPrivateKeyPath</c>) and never
/// contain key material. Only the default (unnamed) options instance is validated.
/// </summary>
internal sealed class AntomClientOptionsValidator(string section) : IValidateOptions<AntomClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AntomClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = AntomSettingsCheck.ClientProblems(options, section, requiredFields: false);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
