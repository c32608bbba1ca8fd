using PluvoDashboard.Cli;

namespace PluvoDashboard.Tests.Cli;

public sealed class ReceiverSettingsTests
{
    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080/webhooks/pluvo")]
    [InlineData("http://0.0.0.0:8080/", "http://localhost:8080/webhooks/pluvo")]
    [InlineData("http://+:80", "http://localhost/webhooks/pluvo")]
    [InlineData("http://*:5000", "http://localhost:5000/webhooks/pluvo")]
    [InlineData("http://[::]:5001", "http://localhost:5001/webhooks/pluvo")]
    [InlineData("https://localhost:7001;http://127.0.0.1:5190", "http://127.0.0.1:5190/webhooks/pluvo")]
    public void TheWebhookUrlIsOnTheFirstHttpAddressWithWildcardsMadeLocal(string urls, string expected)
    {
        var url = ReceiverSettings.WebhookUrl(urls.Split(';'));

        Assert.Equal(new Uri(expected), url);
    }

    [Fact]
    public void OnlyHttpsAddressesGiveNoWebhookUrl()
    {
        Assert.Null(ReceiverSettings.WebhookUrl(["https://localhost:7001"]));
    }

    [Fact]
    public void CommandLineOptionsWinOverConfiguration()
    {
        var options = CommandOptions.Parse(
            ["--url", "http://127.0.0.1:5199/hook", "--key", "from-option", "--Pluvo:WebhookKey=from-setting"],
            ["url", "key"]);

        var settings = ReceiverSettings.Resolve(options);

        Assert.Equal(new Uri("http://127.0.0.1:5199/hook"), settings.Url);
        Assert.Equal("from-option", settings.WebhookKey);
    }

    [Fact]
    public void UrlsAndKeyComeFromConfigurationSettings()
    {
        var options = CommandOptions.Parse(
            ["--urls=http://0.0.0.0:5198", "--Pluvo:WebhookKey=from-setting"], ["url", "key"]);

        var settings = ReceiverSettings.Resolve(options);

        Assert.Equal(new Uri("http://localhost:5198/webhooks/pluvo"), settings.Url);
        Assert.Equal("from-setting", settings.WebhookKey);
    }

    [Fact]
    public void TheDevelopmentSettingsGiveTheDevelopmentKey()
    {
        var configuration = ReceiverSettings.LoadConfiguration(["--environment=Development"]);

        Assert.False(string.IsNullOrEmpty(configuration["Pluvo:WebhookKey"]));
    }

    [Fact]
    public void ABlankKeyIsAUsageErrorNamingBothWaysToSetIt()
    {
        var options = CommandOptions.Parse(["--environment=Production", "--Pluvo:WebhookKey="], ["url", "key"]);

        var error = Assert.Throws<UsageException>(() => ReceiverSettings.Resolve(options));

        Assert.Contains("--key", error.Message);
        Assert.Contains("Pluvo__WebhookKey", error.Message);
    }
}
