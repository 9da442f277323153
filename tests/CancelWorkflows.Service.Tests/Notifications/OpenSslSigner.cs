using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// Signs like an independent implementation would, with the <c>openssl</c> command line (docs/antom-api.md §5):
/// <c>openssl dgst -sha256 -sign key.pem content | base64</c>, URL-encoded. Proves the ingress verifies what others sign,
/// not only what our own code signs.
/// </summary>
public static class OpenSslSigner
{
    public static async Task<Dictionary<string, string>> HeadersAsync(string privateKeyPem, string path, string clientId, byte[] body)
    {
        var time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var content = System.IO.Path.GetTempFileName();
        try
        {
            var head = System.Text.Encoding.UTF8.GetBytes($"POST {path}\n{clientId}.{time}.");
            await File.WriteAllBytesAsync(content, [.. head, .. body]);
            var signature = await RunAsync("openssl", $"dgst -sha256 -sign {privateKeyPem} {content}");
            return new()
            {
                ["client-id"] = clientId,
                ["request-time"] = time,
                ["signature"] = $"algorithm=RSA256,keyVersion=1,signature={WebUtility.UrlEncode(Convert.ToBase64String(signature))}",
            };
        }
        finally
        {
            File.Delete(content);
        }
    }

    private static async Task<byte[]> RunAsync(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        return process.ExitCode == 0
            ? output.ToArray()
            : throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await errors}");
    }
}
