using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PluvoDashboard.Storage.Search;

/// <summary>The overview's counts.</summary>
/// <param name="ActiveLearners">Learners mentioned by an event received in the last 7 days.</param>
/// <param name="Failing">Events a handler is still retrying.</param>
/// <param name="DeadLettered">Events a handler gave up on.</param>
public sealed record OverviewStats(
    long EventsToday,
    long EventsLast7Days,
    long CompletionsThisWeek,
    long ActiveLearners,
    long Failing,
    long DeadLettered);

/// <summary>How many events of one family arrived in the hour or day starting at <see cref="Start"/>.</summary>
public sealed record FamilyCount(DateTimeOffset Start, string Family, long Count);

/// <summary>
/// The overview's numbers and charts, from the hourly counts the <see cref="SearchIndexer"/> keeps, so none of
/// them counts events one by one: only the partial hours at the edges of a range are counted from the narrow
/// search rows, and the events stored since the indexer last ran from the events themselves.
/// </summary>
public sealed class EventStats(IDbContextFactory<PluvoDbContext> dbFactory)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <param name="startOfToday">Midnight in the admin's time zone.</param>
    /// <param name="startOfWeek">The start of the week in the admin's time zone (completions this week).</param>
    /// <param name="now">The end of every range.</param>
    public async Task<OverviewStats> GetAsync(
        DateTimeOffset startOfToday,
        DateTimeOffset startOfWeek,
        DateTimeOffset now,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var counting = new Counting(connection, transaction);
        await counting.ReadCursorAsync(ct);
        var end = now.AddMilliseconds(1);
        var today = await counting.ReceivedAsync(startOfToday, end, ct);
        var week = await counting.ReceivedAsync(now - Week, end, ct);
        var activeSince = (now - Week).ToUnixTimeMilliseconds();
        // Two counts, not a UNION: SQLite would merge the two sides by scanning every learner.
        var active = await counting.ScalarAsync($"""
            SELECT (SELECT COUNT(*) FROM SearchLearners WHERE LastReceivedAt >= {activeSince})
                + (SELECT COUNT(DISTINCT e.UserId) FROM WebhookEvents e
                    WHERE e.Id > {counting.Cursor} AND e.UserId IS NOT NULL AND e.ReceivedAt >= {activeSince}
                    AND NOT EXISTS (SELECT 1 FROM SearchLearners l
                        WHERE l.UserId = e.UserId AND l.LastReceivedAt >= {activeSince}))
            """, ct);
        var failing = await counting.ScalarAsync("SELECT COUNT(*) FROM WebhookEvents WHERE Status = 'Failing'", ct);
        var dead = await counting.ScalarAsync("SELECT COUNT(*) FROM WebhookEvents WHERE Status = 'DeadLettered'", ct);
        var completions = await counting.ScalarAsync(
            $"SELECT COUNT(*) FROM Completions WHERE FinishedAt >= {startOfWeek.ToUnixTimeMilliseconds()} " +
            $"AND FinishedAt < {end.ToUnixTimeMilliseconds()}", ct);
        return new OverviewStats(today, week, completions, active, failing, dead);
    }

    /// <summary>Events per hour and family for the hours that start in [from, to), oldest first.</summary>
    public async Task<IReadOnlyList<FamilyCount>> PerHourAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken ct)
    {
        var hours = await HourlyAsync(from, to, ct);
        return [.. hours.OrderBy(h => h.Start).ThenBy(h => h.Family, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Events per day and family for [from, to), the days being those of <paramref name="zone"/>; each bucket
    /// starts at that day's midnight. Hours are counted whole, so a zone whose offset is not whole hours has
    /// its day boundaries rounded down to the hour.
    /// </summary>
    public async Task<IReadOnlyList<FamilyCount>> PerDayAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        TimeZoneInfo zone,
        CancellationToken ct)
    {
        var hours = await HourlyAsync(from, to, ct);
        return [.. hours
            .GroupBy(h => (Day: StartOfDay(h.Start, zone), h.Family))
            .Select(g => new FamilyCount(g.Key.Day, g.Key.Family, g.Sum(h => h.Count)))
            .OrderBy(d => d.Start).ThenBy(d => d.Family, StringComparer.Ordinal)];
    }

    private static DateTimeOffset StartOfDay(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime.Date;
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<List<FamilyCount>> HourlyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var counting = new Counting(connection, transaction);
        await counting.ReadCursorAsync(ct);
        var start = EventSearch.HourOf(from).ToUnixTimeMilliseconds();
        var end = to.ToUnixTimeMilliseconds();
        var counts = new Dictionary<(long Hour, string Family), long>();
        await using (var command = counting.Command("""
            SELECT Hour, Family, SUM(Count) FROM EventHourCounts
            WHERE Hour >= $from AND Hour < $to GROUP BY Hour, Family
            """))
        {
            command.Parameters.AddWithValue("$from", start);
            command.Parameters.AddWithValue("$to", end);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                counts[(reader.GetInt64(0), reader.GetString(1))] = reader.GetInt64(2);
            }
        }

        // Events the indexer has not reached yet: at most a moment's worth.
        await using (var command = counting.Command("""
            SELECT ReceivedAt - ReceivedAt % 3600000, Family, COUNT(*) FROM WebhookEvents
            WHERE Id > $cursor AND ReceivedAt >= $from AND ReceivedAt < $to GROUP BY 1, 2
            """))
        {
            command.Parameters.AddWithValue("$cursor", counting.Cursor);
            command.Parameters.AddWithValue("$from", start);
            command.Parameters.AddWithValue("$to", end);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = (reader.GetInt64(0), reader.GetString(1));
                counts[key] = counts.GetValueOrDefault(key) + reader.GetInt64(2);
            }
        }

        return [.. counts
            .Where(c => c.Value > 0)
            .Select(c => new FamilyCount(DateTimeOffset.FromUnixTimeMilliseconds(c.Key.Hour), c.Key.Family, c.Value))];
    }

    /// <summary>Counting queries in one read transaction, so the cursor and the counts agree.</summary>
    private sealed class Counting(SqliteConnection connection, SqliteTransaction transaction)
    {
        private const long HourMs = 3_600_000;

        public long Cursor { get; private set; }

        public async Task ReadCursorAsync(CancellationToken ct) => Cursor = await ScalarAsync(
            $"SELECT COALESCE(MAX(LastIndexedEventId), 0) FROM SearchCursors WHERE Name = '{SearchCursor.Main}'", ct);

        /// <summary>Exactly how many events were received in [from, to).</summary>
        public async Task<long> ReceivedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
        {
            var a = from.ToUnixTimeMilliseconds();
            var b = to.ToUnixTimeMilliseconds();
            if (a >= b)
            {
                return 0;
            }

            // Whole hours from the hourly counts, the partial hours at either end from the search rows.
            var firstWhole = (a + HourMs - 1) / HourMs * HourMs;
            var lastWhole = b / HourMs * HourMs;
            long total;
            if (firstWhole < lastWhole)
            {
                total = await ScalarAsync(
                    $"SELECT COALESCE(SUM(Count), 0) FROM EventHourCounts WHERE Hour >= {firstWhole} " +
                    $"AND Hour < {lastWhole}", ct);
                total += await KeysAsync(a, firstWhole, ct) + await KeysAsync(lastWhole, b, ct);
            }
            else
            {
                total = await KeysAsync(a, b, ct);
            }

            return total + await ScalarAsync(
                $"SELECT COUNT(*) FROM WebhookEvents WHERE Id > {Cursor} AND ReceivedAt >= {a} AND ReceivedAt < {b}",
                ct);
        }

        public async Task<long> ScalarAsync(string sql, CancellationToken ct)
        {
            await using var command = Command(sql);
            return await command.ExecuteScalarAsync(ct) is long value ? value : 0;
        }

        public SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        /// <summary>Indexed events received in [a, b), a range within one or two hours.</summary>
        private async Task<long> KeysAsync(long a, long b, CancellationToken ct)
        {
            if (a >= b)
            {
                return 0;
            }

            var hour = a - (a % HourMs);
            return await ScalarAsync($"""
                SELECT COUNT(*) FROM SearchKeys
                WHERE EventId BETWEEN
                    (SELECT COALESCE(MIN(FirstEventId), 0) FROM EventHourCounts WHERE Hour >= {hour} AND Hour < {b})
                    AND (SELECT COALESCE(MAX(LastEventId), -1) FROM EventHourCounts WHERE Hour >= {hour} AND Hour < {b})
                AND ReceivedAt >= {a} AND ReceivedAt < {b}
                """, ct);
        }
    }
}
