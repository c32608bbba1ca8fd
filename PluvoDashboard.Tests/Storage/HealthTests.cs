using System.Net;
using System.Text.Json;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Storage;

public sealed class HealthTests
{
    [Fact]
    public async Task HealthzIs200WhileTheDatabaseIsReachable()
    {
        using var app = new PluvoApp();

        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task HealthzIs503WhenTheDatabaseIsGoneAndNamesNoPath()
    {
        using var app = new PluvoApp();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(app.Folder, recursive: true);

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"Unhealthy\"", text);
        Assert.DoesNotContain(app.Folder, text);
    }
}
