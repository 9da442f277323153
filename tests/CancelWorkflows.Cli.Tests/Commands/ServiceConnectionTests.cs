using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Cli.Tests.Commands;

/// <summary>Where the URL and the API key come from: option, else environment variable, else dev mode's defaults.</summary>
public sealed class ServiceConnectionTests : IDisposable
{
    private readonly TempFolder folder = new("cw-cli-");
    private readonly Dictionary<string, string?> variables = [];

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Nothing_Given_UsesDevModeUrl_AndNoKey()
    {
        var connection = ServiceConnection.Resolve(null, null, Host());

        Assert.Equal("http://127.0.0.1:5080", connection.DisplayUrl);
        Assert.Null(connection.ApiKey);
    }

    [Fact]
    public void DevKeyFile_InTheWorkingDirectory_IsTheDefaultKey()
    {
        WriteDevKey("dev-key-from-file\n");

        var connection = ServiceConnection.Resolve(null, null, Host());

        Assert.Equal("dev-key-from-file", connection.ApiKey);
        Assert.Equal(Path.Combine(".cancelworkflows", "keys", "dev-api-key"), connection.ApiKeySource);
    }

    [Fact]
    public void Variables_WinOverTheDevKeyFile()
    {
        WriteDevKey("dev-key-from-file");
        variables[GlobalOptions.ApiKeyVariable] = "key-from-variable";
        variables[GlobalOptions.UrlVariable] = "https://cancels.example.com/";

        var connection = ServiceConnection.Resolve(null, null, Host());

        Assert.Equal("key-from-variable", connection.ApiKey);
        Assert.Equal("https://cancels.example.com", connection.DisplayUrl);
    }

    [Fact]
    public void Options_WinOverEverything()
    {
        WriteDevKey("dev-key-from-file");
        variables[GlobalOptions.ApiKeyVariable] = "key-from-variable";
        variables[GlobalOptions.UrlVariable] = "https://cancels.example.com/";

        var connection = ServiceConnection.Resolve(new Uri("http://10.0.0.5:8080"), "key-from-option", Host());

        Assert.Equal("key-from-option", connection.ApiKey);
        Assert.Equal("--api-key", connection.ApiKeySource);
        Assert.Equal("http://10.0.0.5:8080", connection.DisplayUrl);
    }

    private void WriteDevKey(string key)
    {
        var keys = Path.Combine(folder.Path, ".cancelworkflows", "keys");
        Directory.CreateDirectory(keys);
        File.WriteAllText(Path.Combine(keys, "dev-api-key"), key);
    }

    private CliHost Host() => new()
    {
        Stdout = TextWriter.Null,
        Stderr = TextWriter.Null,
        Environment = name => variables.GetValueOrDefault(name),
        WorkingDirectory = folder.Path,
    };
}
