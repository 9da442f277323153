namespace CancelWorkflows.Cli.Output;

/// <summary>A table for people: a header row and aligned columns separated by two spaces, no trailing blanks.</summary>
public sealed class TextTable
{
    private const string Gap = "  ";
    private readonly string[] headers;
    private readonly List<string[]> rows = [];

    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        this.headers = headers;
    }

    public int RowCount => rows.Count;

    /// <summary>Adds a row; null cells print as <c>-</c>; line breaks inside a cell become spaces.</summary>
    public TextTable AddRow(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        rows.Add([.. cells.Select(Cell)]);
        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteLine(writer, headers, widths);
        foreach (var row in rows)
        {
            WriteLine(writer, row, widths);
        }
    }

    public override string ToString()
    {
        using var writer = new StringWriter();
        WriteTo(writer);
        return writer.ToString();
    }

    private static void WriteLine(TextWriter writer, string[] cells, int[] widths)
    {
        var padded = cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]));
        writer.WriteLine(string.Join(Gap, padded).TrimEnd());
    }

    private static string Cell(string? value) =>
        string.IsNullOrEmpty(value) ? "-" : value.ReplaceLineEndings(" ");
}
