namespace CancelWorkflows.Workflows.Cancel;

/// <summary>Error types of the workflow's own failures, for callers that match on them.</summary>
public static class CancelFailureTypes
{
    /// <summary>A2 and other bad input: nothing was sent to Antom.</summary>
    public const string InvalidRequest = "InvalidRequest";
}
