namespace CancelWorkflows.Workflows.Activities;

/// <summary>Memo fields a cancel workflow is started with (by the API) that activities read back.</summary>
public static class CallerMemo
{
    /// <summary>The calling service's name (its API key's name); selects the callback secret.</summary>
    public const string RequestedByKey = "requestedBy";
}
