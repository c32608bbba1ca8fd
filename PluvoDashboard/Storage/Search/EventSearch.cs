using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PluvoDashboard.Storage.Search;

/// <summary>One event as a list shows it: the envelope, never the payload.</summary>
public sealed record EventListRow(
    long Id,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? SentDate,
    string? EventType,
    string Family,
    EventStatus Status,
    string? UserId,
    string? UserName,
    string? UserEmail,
    string? TrainingId,
    string? TrainingTitle,
    int DuplicateCount);

/// <summary>
/// One page of a search, newest first. <see cref="Total"/> is exact, except that counting stops at
/// <see cref="EventSearch.CountLimit"/>: then <see cref="TotalIsLowerBound"/> is true ("10,000+").
/// </summary>
public sealed record EventPage(IReadOnlyList<EventListRow> Rows, long Total, bool TotalIsLowerBound);

/// <summary>
/// Finds stored events for the events list, the "N new events" chip and the learner and training timelines.
/// Events up to the <see cref="SearchIndexer"/>'s cursor are found through its tables (a trigram full-text
/// index over the payloads and a narrow row of filter columns per event); the few that arrived since are read
/// directly, so a search sees every stored event. Both are read in one snapshot.
/// </summary>
public sealed class EventSearch(IDbContextFactory<PluvoDbContext> dbFactory)
{
    /// <summary>Counting matches stops here, so a broad search on a long history stays fast.</summary>
    public const int CountLimit = 10_000;

    /// <summary>The largest page one call returns.</summary>
    public const int MaxPageSize = 1000;

    /// <param name="page">0 for the newest events.</param>
    /// <exception cref="ArgumentOutOfRangeException">The page is negative or the size not 1 to 1000.</exception>
    public Task<EventPage> SearchAsync(EventQuery query, int page, int pageSize, CancellationToken ct) =>
        SearchAsync(query, page, pageSize, upToId: null, ct);

    /// <summary>
    /// As <see cref="SearchAsync(EventQuery, int, int, CancellationToken)"/>, but only events with an id up to
    /// <paramref name="upToId"/>: a list anchored at its newest event when first loaded keeps its pages in place
    /// while new events arrive. (The exact total of an empty query still counts every event.)
    /// </summary>
    public async Task<EventPage> SearchAsync(
        EventQuery query, int page, int pageSize, long? upToId, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        await using var reading = await ReadingAsync(ct);
        var spec = new SearchSpec(query, BeforeId: upToId + 1);
        var (ids, tailCount) = await reading.FindAsync(spec, (long)page * pageSize, pageSize, ct);
        long total;
        var lowerBound = false;
        if (query.IsEmpty)
        {
            // Every indexed event is in the hourly counts: an exact total without counting rows.
            total = tailCount + await reading.ScalarAsync("SELECT COALESCE(SUM(Count), 0) FROM EventHourCounts", ct);
        }
        else
        {
            total = tailCount >= CountLimit
                ? tailCount
                : tailCount + await reading.CountIndexedAsync(spec, CountLimit + 1 - tailCount, ct);
            if (total > CountLimit)
            {
                total = CountLimit;
                lowerBound = true;
            }
        }

        return new EventPage(await reading.RowsAsync(ids, ct), total, lowerBound);
    }

    /// <summary>
    /// How many events matching the query have an id above <paramref name="afterId"/>: the events that arrived
    /// since a page was loaded. Counting stops at <see cref="CountLimit"/>.
    /// </summary>
    public async Task<long> CountNewerAsync(EventQuery query, long afterId, CancellationToken ct)
    {
        await using var reading = await ReadingAsync(ct);
        var spec = new SearchSpec(query, AfterId: afterId);
        var tail = await reading.CountTailAsync(spec, CountLimit, ct);
        return tail >= CountLimit ? tail : tail + await reading.CountIndexedAsync(spec, CountLimit - tail, ct);
    }

    /// <summary>The id of the newest stored event, or 0 when there is none.</summary>
    public async Task<long> NewestIdAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
    }

    /// <summary>One learner's events, newest first; pass the last id shown as <paramref name="beforeId"/>.</summary>
    public Task<IReadOnlyList<EventListRow>> ForLearnerAsync(
        string userId, int take, long? beforeId, CancellationToken ct) =>
        TimelineAsync(new SearchSpec(EventQuery.Empty, ExactUserId: userId, BeforeId: beforeId), take, ct);

    /// <summary>One training's events, newest first; pass the last id shown as <paramref name="beforeId"/>.</summary>
    public Task<IReadOnlyList<EventListRow>> ForTrainingAsync(
        string trainingId, int take, long? beforeId, CancellationToken ct) =>
        TimelineAsync(new SearchSpec(EventQuery.Empty, ExactTrainingId: trainingId, BeforeId: beforeId), take, ct);

    private async Task<IReadOnlyList<EventListRow>> TimelineAsync(SearchSpec spec, int take, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxPageSize);
        await using var reading = await ReadingAsync(ct);
        var (ids, _) = await reading.FindAsync(spec, 0, take, ct);
        return await reading.RowsAsync(ids, ct);
    }

    private async Task<Reading> ReadingAsync(CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var reading = new Reading(db, connection, transaction);
            reading.Cursor = await reading.ScalarAsync(
                $"SELECT COALESCE(MAX(LastIndexedEventId), 0) FROM SearchCursors WHERE Name = '{SearchCursor.Main}'",
                ct);
            return reading;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>The queries of one search, in one read transaction so the cursor and the tables agree.</summary>
    private sealed class Reading(PluvoDbContext db, SqliteConnection connection, SqliteTransaction transaction)
        : IAsyncDisposable
    {
        private List<string>? _types;

        public long Cursor { get; set; }

        /// <summary>The ids of one page, newest first, and how many tail events match (up to the limit).</summary>
        public async Task<(List<long> Ids, long TailCount)> FindAsync(
            SearchSpec spec, long skip, int take, CancellationToken ct)
        {
            var tail = SearchSql.Tail(spec, Cursor);
            var tailCount = await CountAsync(tail, CountLimit + 1 + skip + take, ct);
            var ids = new List<long>(take);
            if (skip < tailCount)
            {
                ids.AddRange(await IdsAsync(tail, skip, take, ct));
            }

            if (ids.Count < take && await IndexedAsync(spec, ct) is { } indexed)
            {
                ids.AddRange(await IdsAsync(indexed, Math.Max(0, skip - tailCount), take - ids.Count, ct));
            }

            return (ids, tailCount);
        }

        public async Task<long> CountTailAsync(SearchSpec spec, long limit, CancellationToken ct) =>
            await CountAsync(SearchSql.Tail(spec, Cursor), limit, ct);

        public async Task<long> CountIndexedAsync(SearchSpec spec, long limit, CancellationToken ct) =>
            await IndexedAsync(spec, ct) is { } indexed ? await CountAsync(indexed, limit, ct) : 0;

        public async Task<IReadOnlyList<EventListRow>> RowsAsync(List<long> ids, CancellationToken ct)
        {
            if (ids.Count == 0)
            {
                return [];
            }

            await using var command = Command($"""
                SELECT Id, ReceivedAt, SentDate, EventType, Family, Status, UserId, UserName, UserEmail,
                    TrainingId, TrainingTitle, DuplicateCount
                FROM WebhookEvents WHERE Id IN ({string.Join(", ", ids)}) ORDER BY Id DESC
                """);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<EventListRow>(ids.Count);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new EventListRow(
                    reader.GetInt64(0),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    Text(reader, 3),
                    reader.GetString(4),
                    Enum.Parse<EventStatus>(reader.GetString(5)),
                    Text(reader, 6),
                    Text(reader, 7),
                    Text(reader, 8),
                    Text(reader, 9),
                    Text(reader, 10),
                    reader.GetInt32(11)));
            }

            return rows;
        }

        public async Task<long> ScalarAsync(string sql, CancellationToken ct)
        {
            await using var command = Command(sql);
            return await command.ExecuteScalarAsync(ct) is long value ? value : 0;
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }

        /// <summary>The indexed form of the search; null when its time range holds no indexed events.</summary>
        private async Task<SearchSql?> IndexedAsync(SearchSpec spec, CancellationToken ct)
        {
            var q = spec.Query;
            (long, long)? range = null;
            if (q.After is not null || q.Before is not null)
            {
                var low = q.After is { } after
                    ? await NullableScalarAsync(
                        "SELECT MIN(FirstEventId) FROM EventHourCounts WHERE Hour >= $at",
                        HourOf(after).ToUnixTimeMilliseconds(), ct)
                    : 0;
                var high = q.Before is { } before
                    ? await NullableScalarAsync(
                        "SELECT MAX(LastEventId) FROM EventHourCounts WHERE Hour < $at",
                        before.ToUnixTimeMilliseconds(), ct)
                    : long.MaxValue;
                if (low is null || high is null || low > high)
                {
                    return null;
                }

                range = (low.Value, high.Value);
            }

            if (q.EventType is not null || q.Family is not null)
            {
                _types ??= await TypesAsync(ct);
            }

            return SearchSql.Indexed(spec, _types ?? [], range);
        }

        private async Task<List<string>> TypesAsync(CancellationToken ct)
        {
            await using var command = Command("SELECT DISTINCT EventType FROM EventHourCounts WHERE EventType <> ''");
            await using var reader = await command.ExecuteReaderAsync(ct);
            var types = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                types.Add(reader.GetString(0));
            }

            return types;
        }

        private async Task<long?> NullableScalarAsync(string sql, long at, CancellationToken ct)
        {
            await using var command = Command(sql);
            command.Parameters.AddWithValue("$at", at);
            return await command.ExecuteScalarAsync(ct) is long value ? value : null;
        }

        private async Task<long> CountAsync(SearchSql sql, long limit, CancellationToken ct)
        {
            await using var command = Command($"SELECT COUNT(*) FROM (SELECT 1 {sql.From} LIMIT $limit)");
            sql.AddParametersTo(command);
            command.Parameters.AddWithValue("$limit", limit);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }

        private async Task<List<long>> IdsAsync(SearchSql sql, long skip, int take, CancellationToken ct)
        {
            await using var command = Command(
                $"SELECT {sql.Id} {sql.From} ORDER BY {sql.Id} DESC LIMIT $take OFFSET $skip");
            sql.AddParametersTo(command);
            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", skip);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var ids = new List<long>(take);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
            }

            return ids;
        }

        private SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        private static string? Text(DbDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    internal static DateTimeOffset HourOf(DateTimeOffset instant)
    {
        var ms = instant.ToUnixTimeMilliseconds();
        return DateTimeOffset.FromUnixTimeMilliseconds(ms - (((ms % 3_600_000) + 3_600_000) % 3_600_000));
    }
}
