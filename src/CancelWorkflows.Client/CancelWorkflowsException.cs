namespace CancelWorkflows.Client;

/// <summary>Base of every error this client throws; catch it to handle them all.</summary>
public class CancelWorkflowsException : Exception
{
    public CancelWorkflowsException()
    {
    }

    public CancelWorkflowsException(string message)
        : base(message)
    {
    }

    public CancelWorkflowsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
