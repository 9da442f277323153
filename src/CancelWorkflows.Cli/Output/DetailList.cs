namespace CancelWorkflows.Cli.Output;

/// <summary>Label/value lines for one object (a status, a start answer), labels aligned; empty values are left out.</summary>
public sealed class DetailList
{
    private readonly List<(string Label, string Value)> lines = [];

    public DetailList Add(string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add((label, value.ReplaceLineEndings(" ")));
        }

        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var width = lines.Count == 0 ? 0 : lines.Max(l => l.Label.Length) + 1;
        foreach (var (label, value) in lines)
        {
            writer.WriteLine($"{(label + ":").PadRight(width)}  {value}");
        }
    }
}
