using Temporalio.Activities;

namespace CancelWorkflows.Workflows.Tests.Smoke;

public static class SmokeActivities
{
    [Activity]
    public static string Greet(string name) => $"hello {name}";
}
