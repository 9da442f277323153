namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>The test ports' allocator: a restart on "its" port must never meet another socket there.</summary>
public sealed class FreePortsTests
{
    [Fact]
    public void Take_ManyTimes_NeverTheSamePortTwiceInARun()
    {
        var ports = Enumerable.Range(0, 50).SelectMany(_ => FreePorts.Take(4)).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.True(FreePorts.IsFree(p), $"port {p} is in use"));
    }

    [Fact]
    public void Take_BelowTheEphemeralRange_NoOutgoingConnectionOrPortZeroListenerCanTakeItMeanwhile()
    {
        var ephemeralStart = FreePorts.EphemeralRangeStart();

        var ports = Enumerable.Range(0, 20).SelectMany(_ => FreePorts.Take(2)).ToList();

        Assert.All(ports, p => Assert.InRange(p, 1024, ephemeralStart - 1));
    }
}
