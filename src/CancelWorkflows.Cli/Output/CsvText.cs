namespace CancelWorkflows.Cli.Output;

/// <summary>RFC 4180 CSV: a field with a comma, quote or line break is quoted, quotes doubled; lines end in CRLF.</summary>
public static class CsvText
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fields);
        writer.Write(string.Join(',', fields.Select(Field)));
        writer.Write("\r\n");
    }

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
