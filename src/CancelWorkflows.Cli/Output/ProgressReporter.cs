namespace CancelWorkflows.Cli.Output;

/// <summary>
/// Progress of long operations on stderr, so stdout stays clean for tables, CSV and JSON. On a terminal one line is
/// rewritten in place; redirected, each update is its own line (readable in CI logs). Safe to call from parallel work.
/// </summary>
public sealed class ProgressReporter(TextWriter stderr, bool rewriteInPlace)
{
    private readonly Lock gate = new();
    private int lastLength;

    public void Report(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            if (rewriteInPlace)
            {
                stderr.Write("\r" + message.PadRight(lastLength));
                lastLength = message.Length;
            }
            else
            {
                stderr.WriteLine(message);
            }

            stderr.Flush();
        }
    }

    /// <summary>Ends the rewritten line (nothing to do when redirected).</summary>
    public void Finish()
    {
        lock (gate)
        {
            if (rewriteInPlace && lastLength > 0)
            {
                stderr.WriteLine();
                lastLength = 0;
            }
        }
    }
}
