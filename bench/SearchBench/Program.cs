using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;

// Times the queries the events page and the overview run, on a database filled by the seed verb:
// one warm-up run each, then RUNS timed runs in this one process; prints median and max against the target.
if (args.Length < 1)
{
    Console.Error.WriteLine("Usage: SearchBench DATABASE [RUNS]");
    return 2;
}

var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
const double TargetMs = 150;
var services = new ServiceCollection();
services.AddDbContextFactory<PluvoDbContext>(o => o.UseSqlite($"Data Source={Path.GetFullPath(args[0])}"));
services.AddSingleton<EventSearch>();
services.AddSingleton<EventStats>();
await using var provider = services.BuildServiceProvider();
var search = provider.GetRequiredService<EventSearch>();
var stats = provider.GetRequiredService<EventStats>();
var factory = provider.GetRequiredService<IDbContextFactory<PluvoDbContext>>();

// A learner's e-mail from the middle of the history; its fragment is the part before the '@' and a little after.
string email;
long events;
DateTimeOffset newest;
await using (var db = await factory.CreateDbContextAsync())
{
    events = await db.WebhookEvents.LongCountAsync();
    var middle = await db.WebhookEvents.Where(e => e.UserEmail != null)
        .OrderBy(e => e.Id).Skip((int)(events / 2)).Select(e => e.UserEmail!).FirstAsync();
    email = middle;
    newest = await db.WebhookEvents.OrderByDescending(e => e.Id).Select(e => e.ReceivedAt).FirstAsync();
}

var fragment = email[..Math.Min(email.Length, email.IndexOf('@') + 4)].ToUpperInvariant();
var now = newest;
var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
var week = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
var typeQuery = EventQuery.Parse(
    $"type:COURSE_* after:{now.AddDays(-30):yyyy-MM-dd} before:{now.AddDays(-7):yyyy-MM-dd}");
Console.WriteLine($"database: {args[0]} ({events:N0} events); e-mail fragment \"{fragment}\" (of {email}); " +
    $"type query \"{typeQuery.ToText()}\"; {runs} runs after a warm-up");

var results = new List<(string Name, string Answer, double Median, double Max)>();
await TimeAsync("events page, first query", async () =>
{
    var page = await search.SearchAsync(EventQuery.Empty, 0, 50, CancellationToken.None);
    return $"{page.Rows.Count} rows of {page.Total:N0}";
});
await TimeAsync("free text: e-mail fragment", async () =>
{
    var page = await search.SearchAsync(EventQuery.Parse($"\"{fragment}\""), 0, 50, CancellationToken.None);
    return $"{page.Rows.Count} rows of {page.Total:N0}{(page.TotalIsLowerBound ? "+" : "")}";
});
await TimeAsync("type: + date range", async () =>
{
    var page = await search.SearchAsync(typeQuery, 0, 50, CancellationToken.None);
    return $"{page.Rows.Count} rows of {page.Total:N0}{(page.TotalIsLowerBound ? "+" : "")}";
});
await TimeAsync("user: e-mail", async () => Describe(await search.SearchAsync(
    EventQuery.Parse($"user:{email}"), 0, 50, CancellationToken.None)));
await TimeAsync("common word, page 3", async () => Describe(await search.SearchAsync(
    EventQuery.Parse("brandveiligheid"), 3, 50, CancellationToken.None)));
await TimeAsync("status:failing type:COURSE_FINISHED", async () => Describe(await search.SearchAsync(
    EventQuery.Parse("status:failing type:COURSE_FINISHED"), 0, 50, CancellationToken.None)));
await TimeAsync("rare type (GROUP_DELETED), no dates", async () => Describe(await search.SearchAsync(
    EventQuery.Parse("type:GROUP_DELETED"), 0, 50, CancellationToken.None)));
await TimeAsync("overview counts", async () =>
{
    var s = await stats.GetAsync(today, week, now, CancellationToken.None);
    return $"today {s.EventsToday:N0}, 7 days {s.EventsLast7Days:N0}, active {s.ActiveLearners:N0}, " +
        $"failing {s.Failing:N0}, dead {s.DeadLettered:N0}, completions {s.CompletionsThisWeek:N0}";
});
await TimeAsync("overview charts (24 h + 30 days)", async () =>
{
    var hours = await stats.PerHourAsync(now.AddHours(-24), now, CancellationToken.None);
    var days = await stats.PerDayAsync(now.AddDays(-30), now, TimeZoneInfo.Utc, CancellationToken.None);
    return $"{hours.Sum(h => h.Count):N0} events in 24 h, {days.Sum(d => d.Count):N0} in 30 days";
});

Console.WriteLine();
Console.WriteLine($"{"query",-36} {"median",9} {"max",9}  result");
var failed = false;
foreach (var (name, answer, median, max) in results)
{
    var pass = max <= TargetMs;
    failed |= !pass;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-36} {median,7:F1}ms {max,7:F1}ms  {(pass ? "PASS" : "FAIL")}  {answer}"));
}

return failed ? 1 : 0;

static string Describe(EventPage page) =>
    $"{page.Rows.Count} rows of {page.Total:N0}{(page.TotalIsLowerBound ? "+" : "")}";

async Task TimeAsync(string name, Func<Task<string>> query)
{
    var answer = await query();
    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await query();
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    times.Sort();
    results.Add((name, answer, times[times.Count / 2], times[^1]));
}
