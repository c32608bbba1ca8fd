using System.Net;
using System.Text.Json;

namespace PluvoDashboard.Tests.Support;

public static class HttpAssertions
{
    /// <summary>Asserts a problem-details answer with the status and returns its parsed body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>Asserts the 200 answer of an accepted delivery and returns its id and duplicate flag.</summary>
    public static async Task<(long Id, bool Duplicate)> AssertAcceptedAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2, answer.EnumerateObject().Count());
        return (answer.GetProperty("id").GetInt64(), answer.GetProperty("duplicate").GetBoolean());
    }

    /// <summary>
    /// Where a redirect leads, as a path and query when it stays on the app (the test server's host), in full
    /// when it leaves it.
    /// </summary>
    public static string? LocalLocation(this HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location)
        {
            return null;
        }

        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        return location.Host == "localhost" ? location.PathAndQuery : location.ToString();
    }
}
