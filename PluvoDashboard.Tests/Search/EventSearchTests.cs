using PluvoDashboard.Accounts;
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
        _client = await _app.ApiClientAsync(DashboardRoles.Viewer);
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

    [Fact]
    public async Task Type_patterns_status_user_and_training_terms_filter_the_list()
    {
        await Eventually.HoldsAsync(async () => (await Search("")).Total == 5, "all five are stored");

        Assert.Equal(["USER_CREATED", "USER_UPDATED", "USER_CREATED"], (await Search("type:user_*")).Rows
            .Select(r => r.EventType));
        Assert.Equal(["TRAINING_UPDATED", "TRAINING_CREATED"], (await Search("family:training")).Rows
            .Select(r => r.EventType));
        Assert.Equal(2, (await Search("user:ann.angstrom@acme.example")).Total);
        Assert.Equal(2, (await Search("user:u-ann-0001")).Total);
        Assert.Equal(["u-bob-0002"], (await Search("user:brouwer")).Rows.Select(r => r.UserId));
        Assert.Equal(["t-fire-01"], (await Search("training:brandveilig")).Rows.Select(r => r.TrainingId));
        Assert.Equal(["t-ehbo-02"], (await Search("training:t-ehbo-02")).Rows.Select(r => r.TrainingId));

        // No handler fails here, so nothing is failing; all end up processed once the projection ran.
        Assert.Equal(0, (await Search("status:failing")).Total);
        await Eventually.HoldsAsync(async () => (await Search("status:processed")).Total == 5, "all are processed");
        Assert.Equal(0, (await Search("type:USER_* training:brandveiligheid")).Total);
    }

    [Fact]
    public async Task A_date_range_pages_and_counting_newer_events_follow_the_time_received()
    {
        await Eventually.HoldsAsync(async () => (await Search("")).Total == 5, "all five are stored");
        var all = (await Search("")).Rows;
        var newest = all[0];
        var oldest = all[^1];
        Assert.Equal(all.Select(r => r.Id).OrderDescending(), all.Select(r => r.Id));

        var after = oldest.ReceivedAt.AddMilliseconds(1).UtcDateTime.ToString("O");
        var range = await Search($"after:{after}");
        Assert.DoesNotContain(oldest.Id, range.Rows.Select(r => r.Id));
        Assert.Equal(all.Count(r => r.ReceivedAt > oldest.ReceivedAt), range.Total);
        var before = newest.ReceivedAt.UtcDateTime.ToString("O");
        Assert.DoesNotContain(newest.Id, (await Search($"before:{before}")).Rows.Select(r => r.Id));

        var first = await Search("", page: 0, size: 2);
        var second = await Search("", page: 1, size: 2);
        var third = await Search("", page: 2, size: 2);
        Assert.Equal(all.Select(r => r.Id), first.Rows.Concat(second.Rows).Concat(third.Rows).Select(r => r.Id));
        Assert.Equal(5, third.Total);

        await _client.PostAsync(SearchBodies.User("USER_CREATED", "u-cas-0003", "Cas Ceulen", "cas@acme.example", 9));
        await Eventually.HoldsAsync(
            async () => await _search.CountNewerAsync(EventQuery.Empty, newest.Id, default) == 1, "one new event");
        Assert.Equal(1, await _search.CountNewerAsync(EventQuery.Parse("acme.example"), newest.Id, default));
        Assert.Equal(0, await _search.CountNewerAsync(EventQuery.Parse("type:TRAINING_*"), newest.Id, default));
    }

    [Fact]
    public async Task Timelines_list_one_learner_or_training_newest_first_a_page_at_a_time()
    {
        await Eventually.HoldsAsync(async () => (await Search("")).Total == 5, "all five are stored");
        var ann = await _search.ForLearnerAsync("u-ann-0001", 1, null, default);
        Assert.Equal("USER_UPDATED", Assert.Single(ann).EventType);
        var older = await _search.ForLearnerAsync("u-ann-0001", 10, ann[0].Id, default);
        Assert.Equal("USER_CREATED", Assert.Single(older).EventType);
        Assert.Equal("TRAINING_CREATED",
            Assert.Single(await _search.ForTrainingAsync("t-fire-01", 10, null, default)).EventType);
    }

    [Fact]
    public async Task The_api_takes_the_query_syntax_and_answers_bad_terms_with_problem_details()
    {
        await Eventually.HoldsAsync(async () => (await Search("")).Total == 5, "all five are stored");
        using var ok = await _client.GetAsync("/api/events?q=" + Uri.EscapeDataString("type:USER_* angstrom"));
        ok.EnsureSuccessStatusCode();
        using var body = System.Text.Json.JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("total").GetInt64());

        using var typed = await _client.GetAsync("/api/events?type=TRAINING_*&pageSize=1");
        using var typedBody = System.Text.Json.JsonDocument.Parse(await typed.Content.ReadAsStringAsync());
        Assert.Equal(2, typedBody.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(1, typedBody.RootElement.GetProperty("items").GetArrayLength());

        using var bad = await _client.GetAsync("/api/events?q=" + Uri.EscapeDataString("status:nope ab"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("status:nope", problem, StringComparison.Ordinal);
        Assert.Contains("at least 3 characters", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_counts_and_hourly_buckets_count_the_stored_events()
    {
        await Eventually.HoldsAsync(async () => (await Search("")).Total == 5, "all five are stored");
        var stats = _app.Services.GetRequiredService<EventStats>();
        var now = DateTimeOffset.UtcNow;
        var received = (await Search("")).Rows.Select(r => r.ReceivedAt).ToList();
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);

        var overview = await stats.GetAsync(midnight, midnight.AddDays(-3), now, default);
        Assert.Equal(received.Count(r => r >= midnight), overview.EventsToday);
        Assert.Equal(5, overview.EventsLast7Days);
        Assert.Equal(2, overview.ActiveLearners);
        Assert.Equal(0, overview.Failing);
        Assert.Equal(0, overview.DeadLettered);
        Assert.Equal(0, overview.CompletionsThisWeek);

        // Only the events received since the last one arrived (two may share its millisecond).
        var since = await stats.GetAsync(received[0], midnight, now, default);
        Assert.Equal(received.Count(r => r >= received[0]), since.EventsToday);
        Assert.InRange(since.EventsToday, 1, 4);

        var hours = await stats.PerHourAsync(now.AddHours(-24), now.AddHours(1), default);
        Assert.Equal(3, hours.Where(h => h.Family == "User").Sum(h => h.Count));
        Assert.Equal(2, hours.Where(h => h.Family == "Training").Sum(h => h.Count));
        Assert.All(hours, h => Assert.Equal(0, h.Start.ToUnixTimeMilliseconds() % 3_600_000));
        var days = await stats.PerDayAsync(now.AddDays(-30), now.AddHours(1), TimeZoneInfo.Utc, default);
        Assert.Equal(5, days.Sum(d => d.Count));
    }
}
