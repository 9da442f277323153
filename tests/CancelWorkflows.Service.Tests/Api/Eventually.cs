namespace CancelWorkflows.Service.Tests.Api;

/// <summary>Polls until a condition holds (Temporal visibility is eventually consistent).</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        while (true)
        {
            last = await read();
            if (done(last) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(250);
        }

        return done(last) ? last : throw new TimeoutException($"Not reached in time: {what ?? "condition"}; last: {last}");
    }
}
