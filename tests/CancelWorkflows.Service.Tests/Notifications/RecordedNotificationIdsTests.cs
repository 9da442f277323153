using CancelWorkflows.Service.Notifications;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>The ingress's memory of recorded notification ids: bounded, least recently used dropped first, off at 0.</summary>
public sealed class RecordedNotificationIdsTests
{
    [Fact]
    public void Added_KnownWithItsWorkflow_OthersNot()
    {
        var ids = new RecordedNotificationIds(10);

        ids.Add("n1", "cancel-pr-1");

        Assert.True(ids.TryGet("n1", out var workflowId));
        Assert.Equal("cancel-pr-1", workflowId);
        Assert.False(ids.TryGet("n2", out _));
    }

    [Fact]
    public void PastCapacity_LeastRecentlyUsedDropped()
    {
        var ids = new RecordedNotificationIds(3);
        ids.Add("a", "w");
        ids.Add("b", "w");
        ids.Add("c", "w");

        Assert.True(ids.TryGet("a", out _)); // "a" used: "b" is now the oldest
        ids.Add("d", "w");

        Assert.Equal(3, ids.Count);
        Assert.False(ids.TryGet("b", out _));
        Assert.True(ids.TryGet("a", out _));
        Assert.True(ids.TryGet("c", out _));
        Assert.True(ids.TryGet("d", out _));
    }

    [Fact]
    public void SameIdTwice_KeptOnceWithTheFirstWorkflow()
    {
        var ids = new RecordedNotificationIds(2);

        ids.Add("a", "cancel-pr-1");
        ids.Add("a", "reconcile-pr-1");
        ids.Add("b", "w");

        Assert.Equal(2, ids.Count);
        Assert.True(ids.TryGet("a", out var workflowId));
        Assert.Equal("cancel-pr-1", workflowId);
    }

    [Fact]
    public void CapacityZero_RemembersNothing()
    {
        var ids = new RecordedNotificationIds(0);

        ids.Add("a", "w");

        Assert.Equal(0, ids.Count);
        Assert.False(ids.TryGet("a", out _));
    }

    [Fact]
    public void ManyThreadsAtOnce_FullButNeverAboveCapacity_EveryKeptIdFindable()
    {
        var ids = new RecordedNotificationIds(1000);

        Parallel.For(0, 20_000, i =>
        {
            ids.Add($"n{i}", "w");
            ids.TryGet($"n{i / 2}", out _);
        });

        Assert.Equal(1000, ids.Count);
        Assert.Equal(1000, Enumerable.Range(0, 20_000).Count(i => ids.TryGet($"n{i}", out _)));
    }
}
