using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Search;

/// <summary>Searches through the real app: signed webhooks posted to it, then found by each kind of term.</summary>
public sealed class EventSearchTests : IAsyncLifetime
{
    private readonly PluvoApp _app = new();
    private HttpClient _client = null!;
    private EventSearch _search = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        _search = _app.Services.GetRequiredService<EventSearch>();
        const string ann = "ann.angstrom@acme.example";
        await _client.PostAsync(SearchBodies.User("USER_CREATED", "u-ann-0001", "Ann Ångström", ann, 1));
        await _client.PostAsync(SearchBodies.User("USER_UPDATED", "u-ann-0001", "Ann Ångström", ann, 2));
        await _client.PostAsync(SearchBodies.User("USER_CREATED", "u-bob-0002", "Bob Brouwer", "bob@other.example", 3));
        await _client.PostAsync(SearchBodies.Training("TRAINING_CREATED", "t-fire-01", "Brandveiligheid", 4));
        await _client.PostAsync(SearchBodies.Training("TRAINING_UPDATED", "t-ehbo-02", "EHBO Basis", 5));
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Task<EventPage> Search(string text, int page = 0, int size = 50) =>
        _search.SearchAsync(EventQuery.Parse(text), page, size, CancellationToken.None);

    [Fact]
    public async Task Part_of_an_email_finds_the_events_that_contain_it_within_a_second()
    {
        await Eventually.HoldsAsync(
            async () => (await Search("ANGSTROM@acme")).Rows.Count == 2, "the e-mail fragment finds both", 1000);
        var page = await Search("angstrom@acme");
        Assert.Equal(["USER_UPDATED", "USER_CREATED"], page.Rows.Select(r => r.EventType));
        Assert.Equal(2, page.Total);
        Assert.False(page.TotalIsLowerBound);
    }
}
