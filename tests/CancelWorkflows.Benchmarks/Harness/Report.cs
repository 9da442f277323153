using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>Everything one run printed: the machine, then one section per benchmark (settings, tables, goals, notes).</summary>
public sealed class Report
{
    public MachineInfo Machine { get; } = MachineInfo.Now();

    public List<Section> Sections { get; } = [];

    public MachineLoad? LoadAtEnd { get; set; }

    public Section Add(string name, string title)
    {
        var section = new Section(name, title);
        Sections.Add(section);
        return section;
    }

    public void WriteText(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine();
        w.WriteLine("== Machine ==");
        w.WriteLine($"cores (logical): {Machine.Cores}   cpu: {Machine.CpuModel}");
        w.WriteLine($"os: {Machine.Os}   runtime: {Machine.Runtime}   gc: {Machine.Gc}   build: {Machine.Build}");
        w.WriteLine($"load average (1/5/15 min) at start: {Machine.LoadAtStart?.ToString() ?? "n/a"}   at end: {LoadAtEnd?.ToString() ?? "n/a"}");
        if (Machine.Build != "Release")
        {
            w.WriteLine("WARNING: not a Release build; figures are not comparable. Use: dotnet run -c Release --project tests/CancelWorkflows.Benchmarks -- <cmd>");
        }

        foreach (var section in Sections)
        {
            section.WriteText(w);
        }

        var goals = Sections.SelectMany(s => s.Goals).ToList();
        if (goals.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("== Goals ==");
            var table = new TextTable("", "goal", "target", "measured", "verdict");
            foreach (var g in goals)
            {
                table.Row($"{g.Id}: {g.Description}", g.Target, g.Measured, g.Pass ? "PASS" : "MISS");
            }

            table.Write(w);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>One benchmark's output.</summary>
public sealed class Section(string name, string title)
{
    public string Name { get; } = name;

    public string Title { get; } = title;

    /// <summary>Settings that shaped the figures (counts, concurrency, worker slots...).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>The figures, machine-readable (records from the benchmark).</summary>
    public Dictionary<string, object> Results { get; } = [];

    public List<Goal> Goals { get; } = [];

    public List<string> Notes { get; } = [];

    [JsonIgnore]
    public List<TextTable> Tables { get; } = [];

    public void Setting(string key, object value) => Settings[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    public void WriteText(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine();
        w.WriteLine($"== {Title} ==");
        if (Settings.Count > 0)
        {
            w.WriteLine("settings: " + string.Join(", ", Settings.Select(kv => $"{kv.Key}={kv.Value}")));
        }

        foreach (var table in Tables)
        {
            w.WriteLine();
            table.Write(w);
        }

        foreach (var note in Notes)
        {
            w.WriteLine("note: " + note);
        }
    }
}

/// <summary>A goal (P1–P5, throughput), with its verdict on this run.</summary>
public sealed record Goal(string Id, string Description, string Target, string Measured, bool Pass);

/// <summary>A plain-text table; numbers right-aligned.</summary>
public sealed class TextTable(string title, params string[] headers)
{
    private readonly List<string[]> rows = [];

    public string Title { get; } = title;

    public IReadOnlyList<string> Headers { get; } = headers;

    public void Row(params string[] cells) => rows.Add(cells);

    public void Write(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (Title.Length > 0)
        {
            w.WriteLine(Title);
        }

        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        w.WriteLine(Line(Headers.ToArray(), widths, alignRight: false));
        w.WriteLine(string.Join("  ", widths.Select(x => new string('-', x))));
        foreach (var row in rows)
        {
            w.WriteLine(Line(row, widths, alignRight: true));
        }
    }

    private static string Line(string[] cells, int[] widths, bool alignRight) =>
        string.Join("  ", widths.Select((width, i) =>
        {
            var cell = i < cells.Length ? cells[i] : string.Empty;
            return alignRight && i > 0 && LooksNumeric(cell) ? cell.PadLeft(width) : cell.PadRight(width);
        })).TrimEnd();

    private static bool LooksNumeric(string s) => s.Length > 0 && (char.IsDigit(s[0]) || s[0] is '-' or '+' or '.' || s.EndsWith('x'));
}

/// <summary>Number formatting for tables (invariant culture).</summary>
public static class Fmt
{
    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms < 10 ? "0.000" : ms < 100 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>A difference of milliseconds with its sign: "+1.250", "-0.918".</summary>
    public static string SignedMs(double ms) => double.IsNaN(ms) ? "n/a" : (ms < 0 ? "-" : "+") + Ms(Math.Abs(ms));

    public static string Rate(double perSecond) => double.IsNaN(perSecond) ? "n/a" : perSecond.ToString(perSecond < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => double.IsNaN(ratio) ? "n/a" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public static string Num(double value, string format = "0.0") => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The machine the figures come from.</summary>
public sealed record MachineInfo(int Cores, string CpuModel, string Os, string Runtime, string Gc, string Build, MachineLoad? LoadAtStart)
{
    public static MachineInfo Now() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : string.Empty),
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        MachineLoad.Read());

    private static string ReadCpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}

/// <summary>/proc/loadavg: runnable tasks averaged over 1, 5 and 15 minutes (above the core count means queueing).</summary>
public sealed record MachineLoad(double One, double Five, double Fifteen)
{
    public static MachineLoad? Read()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return new(
                double.Parse(parts[0], CultureInfo.InvariantCulture),
                double.Parse(parts[1], CultureInfo.InvariantCulture),
                double.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{One:0.00} / {Five:0.00} / {Fifteen:0.00}");
}
