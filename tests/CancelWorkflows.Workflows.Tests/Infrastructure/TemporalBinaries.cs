namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>
/// Where the real Temporal servers come from: <c>TEMPORAL_CLI_PATH</c> (dev server) and <c>TEMPORAL_TEST_SERVER_PATH</c>
/// (time-skipping server), as <c>.ci/run</c> sets them from ../shared/temporal. Unset → null, and the SDK downloads
/// the server itself as it would on a user's machine. Never a skip: a missing server fails the test.
/// </summary>
public static class TemporalBinaries
{
    public static string? DevServerPath => Existing("TEMPORAL_CLI_PATH");

    public static string? TestServerPath => Existing("TEMPORAL_TEST_SERVER_PATH");

    private static string? Existing(string variable)
    {
        var path = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{variable} is set to '{path}', but no file is there.");
    }
}
