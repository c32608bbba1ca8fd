using PluvoDashboard.Cli;

namespace PluvoDashboard.Tests.Cli;

public sealed class CommandOptionsTests
{
    private static readonly string[] SimulateNames = ["url", "key", "rate", "count"];

    [Fact]
    public void OptionsAreReadWithASpaceOrAnEqualsSign()
    {
        var options = CommandOptions.Parse(["--rate", "5", "--count=30", "extra"], SimulateNames);

        Assert.Equal(5, options.Number("rate", 20));
        Assert.Equal(30, options.Number("count", 200));
        Assert.Equal(["extra"], options.Arguments);
    }

    [Fact]
    public void MissingOptionsFallBackToTheirDefault()
    {
        var options = CommandOptions.Parse([], SimulateNames);

        Assert.Equal(20, options.Number("rate", 20));
        Assert.Null(options.Url("url"));
    }

    [Fact]
    public void AnUnknownOptionIsAUsageError()
    {
        var error = Assert.Throws<UsageException>(() => CommandOptions.Parse(["--speed", "3"], SimulateNames));

        Assert.Contains("--speed", error.Message);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("-1")]
    [InlineData("2.5")]
    public void ANumberOptionThatIsNotAWholeNumberIsAUsageError(string value)
    {
        var options = CommandOptions.Parse(["--rate", value], SimulateNames);

        var error = Assert.Throws<UsageException>(() => options.Number("rate", 20));
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void ASwitchTakesNoValueAndIsNotAnArgument()
    {
        var options = CommandOptions.Parse(["--Append", "--count", "3", "extra"], ["count"], ["append"]);

        Assert.True(options.Has("append"));
        Assert.Equal(3, options.Number("count", fallback: 1));
        Assert.Equal(["extra"], options.Arguments);
        Assert.False(CommandOptions.Parse(["--count", "3"], ["count"], ["append"]).Has("append"));
    }

    [Fact]
    public void AnOptionWithoutItsValueIsAUsageError()
    {
        Assert.Throws<UsageException>(() => CommandOptions.Parse(["--count"], SimulateNames));
    }

    [Theory]
    [InlineData("localhost:5080")]
    [InlineData("ftp://example.com/hook")]
    public void AUrlThatIsNotHttpIsAUsageError(string value)
    {
        var options = CommandOptions.Parse(["--url", value], SimulateNames);

        Assert.Throws<UsageException>(() => options.Url("url"));
    }

    [Fact]
    public void ConfigurationSettingsAreSetAsideForTheConfiguration()
    {
        var options = CommandOptions.Parse(
            ["--urls", "http://+:6000", "--Pluvo:WebhookKey", "k", "--environment=Staging"], SimulateNames);

        Assert.Equal(
            ["--urls=http://+:6000", "--Pluvo:WebhookKey=k", "--environment=Staging"],
            options.ConfigurationArgs);
    }

    [Fact]
    public void HelpIsRecognisedAnywhere()
    {
        Assert.True(CommandOptions.Parse(["--rate", "3", "--help"], SimulateNames).Help);
        Assert.True(CommandOptions.Parse(["-h"], SimulateNames).Help);
    }
}
