using Microsoft.Extensions.Options;

namespace CancelWorkflows.Antom.Client;

/// <summary>
/// For a process that only verifies Antom's notifications (the service's ingress role): the client id and Antom's public
/// key, present and loadable. Not the gateway, not the merchant private key: such a process never calls Antom, and the
/// edge should not hold the key that signs for the merchant. Messages name the setting, never key material.
/// </summary>
internal sealed class AntomNotificationKeysValidator(string section) : IValidateOptions<AntomClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AntomClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = AntomSettingsCheck.NotificationKeyProblems(options, section);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
