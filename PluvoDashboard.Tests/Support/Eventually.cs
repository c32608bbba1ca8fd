namespace PluvoDashboard.Tests.Support;

public static class Eventually
{
    /// <summary>
    /// Polls until the condition holds, for things that happen shortly after an answer (such as refusals
    /// being written in the writer's next batch). Fails with <paramref name="what"/> after the timeout.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(25);
        }
    }
}
