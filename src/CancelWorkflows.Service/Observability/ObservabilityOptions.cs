using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Observability;

/// <summary>Configuration section <c>Observability</c>.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>How often the gauges read from Temporal (escalations open and overdue, Temporal up) are refreshed.</summary>
    public TimeSpan GaugeInterval { get; set; } = TimeSpan.FromSeconds(30);

    public sealed class Validator : IValidateOptions<ObservabilityOptions>
    {
        public ValidateOptionsResult Validate(string? name, ObservabilityOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            return options.GaugeInterval < TimeSpan.FromSeconds(1) || options.GaugeInterval > TimeSpan.FromHours(1)
                ? ValidateOptionsResult.Fail($"Observability:GaugeInterval must be between 00:00:01 and 01:00:00 (got {options.GaugeInterval}).")
                : ValidateOptionsResult.Success;
        }
    }
}
