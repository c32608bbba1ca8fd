using PluvoDashboard.Events;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;

namespace PluvoDashboard.Tests.Search;

public sealed class EventQueryTests
{
    [Fact]
    public void Reads_every_key_and_the_free_text()
    {
        var q = EventQuery.Parse("zoe \"exact phrase\" type:USER_* status:failed user:alice@example.com " +
            "training:\"Safety first\" family:coursefinished after:2025-01-01 before:2025-02-01");

        Assert.Equal(["zoe", "exact phrase"], q.Text);
        Assert.Equal("USER_*", q.EventType);
        Assert.Equal(EventStatus.Failing, q.Status);
        Assert.Equal("alice@example.com", q.User);
        Assert.Equal("Safety first", q.Training);
        Assert.Equal(EventFamily.CourseFinished, q.Family);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), q.After);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), q.Before);
        Assert.Empty(q.Errors);
        Assert.False(q.IsEmpty);
    }

    [Theory]
    [InlineData("status:failed", EventStatus.Failing)]
    [InlineData("STATUS:Failing", EventStatus.Failing)]
    [InlineData("status:dead", EventStatus.DeadLettered)]
    [InlineData("status:dead-lettered", EventStatus.DeadLettered)]
    [InlineData("status:deadlettered", EventStatus.DeadLettered)]
    [InlineData("status:\"pending\"", EventStatus.Pending)]
    [InlineData("status:processed", EventStatus.Processed)]
    [InlineData("status:unparseable", EventStatus.Unparseable)]
    public void Statuses_are_read_by_name_and_alias_in_any_case(string text, EventStatus expected) =>
        Assert.Equal(expected, EventQuery.Parse(text).Status);

    [Fact]
    public void Bad_values_are_reported_and_left_out_without_throwing()
    {
        var q = EventQuery.Parse("status:nope family:banana after:yesterday before:2025-13-40 ab x: type:OK_*");

        Assert.Null(q.Status);
        Assert.Null(q.Family);
        Assert.Null(q.After);
        Assert.Null(q.Before);
        Assert.Equal("OK_*", q.EventType);
        Assert.Empty(q.Text);
        Assert.Contains("\"status:nope\" is not a status; use pending, processed, failing, dead-lettered or " +
            "unparseable.", q.Errors);
        Assert.Contains(q.Errors, e => e.StartsWith("\"family:banana\" is not a family", StringComparison.Ordinal));
        Assert.Contains(q.Errors, e => e.StartsWith("\"after:yesterday\" is not a date", StringComparison.Ordinal));
        Assert.Contains(q.Errors, e => e.StartsWith("\"before:2025-13-40\" is not a date", StringComparison.Ordinal));
        Assert.Contains("\"ab\" is too short: search words need at least 3 characters.", q.Errors);
        Assert.Contains(q.Errors, e => e.StartsWith("\"x:\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_keys_are_free_text()
    {
        var q = EventQuery.Parse("foo:bar url:\"https://x.example\"");
        Assert.Equal(["foo:bar", "url:https://x.example"], q.Text);
        Assert.Empty(q.Errors);
    }

    [Fact]
    public void Dates_are_midnight_in_the_given_zone_and_instants_are_read_whole()
    {
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var q = EventQuery.Parse("after:2025-07-01 before:2025-07-02T12:30:00+02:00", amsterdam);
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 22, 0, 0, TimeSpan.Zero), q.After);
        Assert.Equal(new DateTimeOffset(2025, 7, 2, 10, 30, 0, TimeSpan.Zero), q.Before);
        Assert.Equal(new DateTimeOffset(2025, 7, 2, 10, 30, 0, TimeSpan.Zero),
            EventQuery.Parse("before:2025-07-02T10:30:00Z").Before);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zoe")]
    [InlineData("\"two words\" \"with \"\"quotes\"\"\" foo:bar")]
    [InlineData("type:USER_* status:dead user:\"Zoë Ñúñez\" training:t-1 family:user")]
    [InlineData("after:2025-01-01 before:2025-01-31T14:30:15.5Z status:failing")]
    public void Writing_a_query_back_reads_the_same_query(string text)
    {
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        foreach (var zone in new[] { TimeZoneInfo.Utc, amsterdam })
        {
            var q = EventQuery.Parse(text, zone);
            var again = EventQuery.Parse(q.ToText(zone), zone);
            Assert.Equal(q, again);
            Assert.Equal(q.ToText(zone), again.ToText(zone));
        }
    }

    [Fact]
    public void Writes_dates_as_dates_and_other_times_as_utc_instants()
    {
        var q = EventQuery.Parse("after:2025-01-01 before:2025-01-31T14:30:00Z status:dead");
        Assert.Equal("status:dead-lettered after:2025-01-01 before:2025-01-31T14:30:00Z", q.ToText());
    }

    [Fact]
    public void Blank_text_is_the_empty_query()
    {
        Assert.True(EventQuery.Parse("   ").IsEmpty);
        Assert.Same(EventQuery.Empty, EventQuery.Parse(null));
        Assert.Equal("", EventQuery.Empty.ToText());
    }
}
