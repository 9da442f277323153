namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>Progress lines on stderr, timestamped, so stdout carries only the figures.</summary>
public static class Progress
{
    private static readonly long Started = Timing.Now();

    public static void Say(string message) =>
        Console.Error.WriteLine($"[{Timing.MsSince(Started) / 1000,6:0.0}s] {message}");
}
