using CancelWorkflows.Antom.Client;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.Temporal;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Tests.Configuration;

/// <summary>What each new cancellation carries from configuration, and what a run recorded before a setting existed gets.</summary>
public sealed class CancelSettingsFactoryTests
{
    [Fact]
    public void Create_Defaults_AntomActivitiesTimeOutAfterTheClientsTimeoutPlusTheMargin()
    {
        var settings = Factory(new CancelOptions(), new AntomClientOptions(), new SupportOptions()).Create();

        Assert.Equal(TimeSpan.FromSeconds(10), settings.AntomTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.AntomCallMargin);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.AntomActivityTimeout());
        Assert.Equal(TimeSpan.FromSeconds(25), settings.AntomActivityTimeout(calls: 2));
        Assert.Equal(TimeSpan.FromHours(1), settings.SupportDeliveryTimeout);
        Assert.Equal(TimeSpan.FromHours(24), settings.EscalationMaxPollInterval);
        Assert.Equal(TimeSpan.FromMinutes(3), settings.ConfirmationInquiryTimeout);
    }

    [Fact]
    public void Create_Configured_CarriesTheConfiguredValues()
    {
        var settings = Factory(
            new CancelOptions { AntomCallMargin = TimeSpan.FromSeconds(2), EscalationMaxPollInterval = TimeSpan.FromHours(6), ConfirmationInquiryTimeout = TimeSpan.FromMinutes(1) },
            new AntomClientOptions { Timeout = TimeSpan.FromSeconds(6) },
            new SupportOptions { DeliveryTimeout = TimeSpan.FromMinutes(20) }).Create();

        Assert.Equal(TimeSpan.FromSeconds(8), settings.AntomActivityTimeout());
        Assert.Equal(TimeSpan.FromMinutes(20), settings.SupportDeliveryTimeout);
        Assert.Equal(TimeSpan.FromHours(6), settings.EffectiveEscalationMaxPollInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.EffectiveConfirmationInquiryTimeout);
    }

    [Fact]
    public void RecordedBeforeTheSettingsExisted_KeepsTheBehaviourItRanWith()
    {
        // A CancelSettings payload from a history recorded earlier has none of the new fields.
        var recorded = System.Text.Json.JsonSerializer.Deserialize<CancelSettings>("""{"WatchWindow":"1.01:00:00"}""")!;

        Assert.Equal(CancelSettings.LegacyAntomActivityTimeout, recorded.AntomActivityTimeout());
        Assert.Null(recorded.SupportDeliveryTimeout); // retried until delivered, as it was
    }

    private static CancelSettingsFactory Factory(CancelOptions cancel, AntomClientOptions antom, SupportOptions support) =>
        new(Options.Create(cancel), new TemporalWebLinks(ServiceMode.Production, Options.Create(cancel), Options.Create(new TemporalOptions())), Options.Create(antom), Options.Create(support));
}
