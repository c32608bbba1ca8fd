using PluvoDashboard.Components.Pages.ReadModels;

namespace PluvoDashboard.Tests.Pages;

public sealed class DurationsTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(60, "1 min")]
    [InlineData(5100, "1 h 25 min")]
    [InlineData(7200, "2 h")]
    [InlineData(90000, "1 d 1 h")]
    [InlineData(86400 * 3 + 59, "3 d")]
    public void TimeSpentReadsAsPeopleSayIt(int seconds, string expected) =>
        Assert.Equal(expected, Durations.Human(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void MissingTimeSpentIsADash() => Assert.Equal("–", Durations.Human(null));
}
