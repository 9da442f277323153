using CancelWorkflows.Cli.Output;

namespace CancelWorkflows.Cli.Tests.Output;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Field_QuotesOnlyWhatRfc4180Requires(string? value, string expected) => Assert.Equal(expected, CsvText.Field(value));

    [Fact]
    public void WriteRow_JoinsWithCommas_EndsWithCrLf()
    {
        using var writer = new StringWriter();

        CsvText.WriteRow(writer, ["a", null, "c,d"]);

        Assert.Equal("a,,\"c,d\"\r\n", writer.ToString());
    }
}
