using CancelWorkflows.Cli.Output;

namespace CancelWorkflows.Cli.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void WriteTo_AlignsColumnsToTheWidestCell_WithoutTrailingBlanks()
    {
        var table = new TextTable("ID", "OUTCOME", "NOTE")
            .AddRow("pr-1", "Cancelled", "short")
            .AddRow("pr-12345", null, "a longer note");

        var lines = table.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            [
                "ID        OUTCOME    NOTE",
                "pr-1      Cancelled  short",
                "pr-12345  -          a longer note",
            ],
            lines);
    }

    [Fact]
    public void AddRow_LineBreaksInACell_BecomeSpaces()
    {
        var table = new TextTable("A", "B").AddRow("x\ny", "z");

        Assert.Contains("x y  z", table.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddRow_WrongCellCount_Throws() =>
        Assert.Throws<ArgumentException>(() => new TextTable("A", "B").AddRow("only one"));
}
