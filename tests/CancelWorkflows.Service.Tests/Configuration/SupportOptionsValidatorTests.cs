using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Workflows.Activities;

namespace CancelWorkflows.Service.Tests.Configuration;

public sealed class SupportOptionsValidatorTests
{
    private readonly SupportOptionsValidator validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(validator.Validate(null, new SupportOptions()).Succeeded);
    }

    [Fact]
    public void Validate_DeliveryTimeoutShorterThanOneDelivery_FailsNamingTheSetting()
    {
        var result = validator.Validate(null, new SupportOptions { Timeout = TimeSpan.FromSeconds(30), DeliveryTimeout = TimeSpan.FromSeconds(10) });

        Assert.Contains(result.Failures!, f => f.StartsWith("Support:DeliveryTimeout must be at least Support:Timeout", StringComparison.Ordinal));
    }
}
