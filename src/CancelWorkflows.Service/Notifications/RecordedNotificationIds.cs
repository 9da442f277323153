namespace CancelWorkflows.Service.Notifications;

/// <summary>
/// Ids of notifications this process saw recorded in Temporal (signalled, started with, or answered "recorded" by the
/// workflow's <c>HasNotification</c> query), each with the workflow that holds it. Bounded: past
/// <see cref="Capacity"/> the least recently used id is dropped. Only a hint for this process: a miss is never taken to
/// mean "new" (the query decides then), and an id is only ever added once Temporal holds it, so a hit is always true.
/// Thread-safe.
/// </summary>
public sealed class RecordedNotificationIds
{
    private readonly Dictionary<string, LinkedListNode<(string NotificationId, string WorkflowId)>> byId;
    private readonly LinkedList<(string NotificationId, string WorkflowId)> recency = new();
    private readonly Lock gate = new();

    public RecordedNotificationIds(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        byId = new(Math.Min(capacity, 1024), StringComparer.Ordinal);
    }

    /// <summary>The most ids kept; 0 keeps none.</summary>
    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byId.Count;
            }
        }
    }

    /// <summary>True (and the workflow that recorded it) when the id is known to be recorded; marks it recently used.</summary>
    public bool TryGet(string notificationId, out string workflowId)
    {
        ArgumentNullException.ThrowIfNull(notificationId);
        lock (gate)
        {
            if (byId.TryGetValue(notificationId, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                workflowId = node.Value.WorkflowId;
                return true;
            }
        }

        workflowId = string.Empty;
        return false;
    }

    /// <summary>Remembers that <paramref name="workflowId"/> recorded the notification; call only once Temporal holds it.</summary>
    public void Add(string notificationId, string workflowId)
    {
        ArgumentNullException.ThrowIfNull(notificationId);
        ArgumentNullException.ThrowIfNull(workflowId);
        if (Capacity == 0)
        {
            return;
        }

        lock (gate)
        {
            if (byId.TryGetValue(notificationId, out var known))
            {
                recency.Remove(known);
                recency.AddFirst(known);
                return;
            }

            byId[notificationId] = recency.AddFirst((notificationId, workflowId));
            if (byId.Count > Capacity)
            {
                var oldest = recency.Last!;
                recency.RemoveLast();
                byId.Remove(oldest.Value.NotificationId);
            }
        }
    }
}
