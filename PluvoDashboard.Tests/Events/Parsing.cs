using System.Text;
using PluvoDashboard.Events;

namespace PluvoDashboard.Tests.Events;

/// <summary>Parses a body the way a handler will, and insists it gives the expected record.</summary>
internal static class Parsing
{
    public static T As<T>(byte[] body)
        where T : PluvoEvent
    {
        var result = PluvoEventParser.Parse(null, body);

        Assert.True(result.Succeeded, result.Error);
        return Assert.IsAssignableFrom<T>(result.Event);
    }

    public static T As<T>(string json)
        where T : PluvoEvent =>
        As<T>(Encoding.UTF8.GetBytes(json));

    public static string FailureOf(string json) => FailureOf(Encoding.UTF8.GetBytes(json));

    public static string FailureOf(byte[] body)
    {
        var result = PluvoEventParser.Parse(null, body);

        Assert.False(result.Succeeded);
        return result.Error;
    }
}
