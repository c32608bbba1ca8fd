using System.Net;
using System.Text.RegularExpressions;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Pages;

/// <summary>Reading the server-rendered HTML of a page: how many elements carry a test id, and the text.</summary>
public static partial class PageHtml
{
    public static async Task<string> GetPageAsync(this PluvoApp app, string address)
    {
        var response = await (await app.AdminClientAsync()).GetAsync(address);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address} answered {(int)response.StatusCode}");
        return html;
    }

    public static int Count(string html, string testId) =>
        Regex.Matches(html, $"data-testid=\"{Regex.Escape(testId)}\"").Count;

    /// <summary>The text inside the first element with the test id, without tags.</summary>
    public static string TextOf(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</",
            RegexOptions.Singleline);
        Assert.True(match.Success, $"No element with data-testid={testId}.");
        return WebUtility.HtmlDecode(Tags().Replace(match.Groups[1].Value, "")).Trim();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
