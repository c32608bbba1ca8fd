using System.Text;
using Microsoft.Data.Sqlite;

namespace PluvoDashboard.Storage.Search;

/// <summary>
/// Adds the next stored events to the search tables, in one transaction per batch: their filter columns
/// (<c>SearchKeys</c>), their payloads (<c>EventText</c>), the hourly counts, the learners and trainings they
/// mention, and the cursor. Used by the <see cref="SearchIndexer"/> and by the <c>seed</c> verb.
/// </summary>
internal sealed class SearchIndexWriter(SqliteConnection connection)
{
    private const string ReadSql = """
        SELECT Id, ReceivedAt, EventType, Family, UserId, UserName, UserEmail, TrainingId, TrainingTitle, RawBody
        FROM WebhookEvents WHERE Id > $cursor ORDER BY Id LIMIT $take
        """;

    private const string CursorSql =
        $"SELECT COALESCE(MAX(LastIndexedEventId), 0) FROM SearchCursors WHERE Name = '{SearchCursor.Main}'";

    private const string SaveCursorSql = $"""
        INSERT INTO SearchCursors (Name, LastIndexedEventId) VALUES ('{SearchCursor.Main}', $id)
        ON CONFLICT (Name) DO UPDATE SET LastIndexedEventId = excluded.LastIndexedEventId
        """;

    private const string KeySql = """
        INSERT INTO SearchKeys (EventId, ReceivedAt, EventType, Family, UserId, TrainingId)
        VALUES ($id, $at, $type, $family, $user, $training)
        """;

    private const string TextSql = "INSERT INTO EventText (rowid, Body) VALUES ($id, $body)";

    private const string HourSql = """
        INSERT INTO EventHourCounts (Hour, EventType, Family, Count, FirstEventId, LastEventId)
        VALUES ($hour, $type, $family, $count, $first, $last)
        ON CONFLICT (Hour, EventType) DO UPDATE SET Count = Count + excluded.Count,
            FirstEventId = MIN(FirstEventId, excluded.FirstEventId),
            LastEventId = MAX(LastEventId, excluded.LastEventId)
        """;

    private const string LearnerSql = """
        INSERT INTO SearchLearners (UserId, Name, Email, LastReceivedAt) VALUES ($id, $name, $email, $at)
        ON CONFLICT (UserId) DO UPDATE SET
            Name = CASE WHEN excluded.LastReceivedAt >= LastReceivedAt THEN COALESCE(excluded.Name, Name) ELSE Name END,
            Email = CASE WHEN excluded.LastReceivedAt >= LastReceivedAt THEN COALESCE(excluded.Email, Email)
                ELSE Email END,
            LastReceivedAt = MAX(LastReceivedAt, excluded.LastReceivedAt)
        """;

    private const string TrainingSql = """
        INSERT INTO SearchTrainings (TrainingId, Title, LastReceivedAt) VALUES ($id, $title, $at)
        ON CONFLICT (TrainingId) DO UPDATE SET
            Title = CASE WHEN excluded.LastReceivedAt >= LastReceivedAt THEN COALESCE(excluded.Title, Title)
                ELSE Title END,
            LastReceivedAt = MAX(LastReceivedAt, excluded.LastReceivedAt)
        """;

    /// <summary>How long the last batch held the write lock (from taking it to the commit).</summary>
    public TimeSpan LastWriteTime { get; private set; }

    /// <summary>Indexes up to <paramref name="take"/> events after the cursor; returns how many.</summary>
    public int IndexNext(int take)
    {
        LastWriteTime = TimeSpan.Zero;
        var batch = Read(take);
        if (batch.Count == 0)
        {
            return 0;
        }

        // The events are read before the write lock is taken; only this indexer moves the cursor.
        using var transaction = connection.BeginTransaction(deferred: false);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Write(batch, transaction);
        transaction.Commit();
        LastWriteTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return batch.Count;
    }

    private List<Row> Read(int take)
    {
        using var cursor = connection.CreateCommand();
        cursor.CommandText = CursorSql;
        var from = (long)cursor.ExecuteScalar()!;

        using var read = connection.CreateCommand();
        read.CommandText = ReadSql;
        read.Parameters.AddWithValue("$cursor", from);
        read.Parameters.AddWithValue("$take", take);
        using var reader = read.ExecuteReader();
        var rows = new List<Row>(take);
        while (reader.Read())
        {
            rows.Add(new Row(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                Encoding.UTF8.GetString((byte[])reader.GetValue(9))));
        }

        return rows;
    }

    private void Write(List<Row> rows, SqliteTransaction transaction)
    {
        using var key = Command(transaction, KeySql, "$id", "$at", "$type", "$family", "$user", "$training");
        using var text = Command(transaction, TextSql, "$id", "$body");
        var hours = new Dictionary<(long Hour, string Type), HourTally>();
        var learners = new Dictionary<string, Row>(StringComparer.Ordinal);
        var trainings = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            Run(key, row.Id, row.ReceivedAt, row.EventType, row.Family, row.UserId, row.TrainingId);
            Run(text, row.Id, row.Body);

            var hour = (row.ReceivedAt - (row.ReceivedAt % 3_600_000), row.EventType ?? "");
            hours[hour] = hours.TryGetValue(hour, out var tally)
                ? tally with { Count = tally.Count + 1, Last = row.Id }
                : new HourTally(row.Family, 1, row.Id, row.Id);

            if (row.UserId is { } userId)
            {
                learners[userId] = row;
            }

            if (row.TrainingId is { } trainingId)
            {
                trainings[trainingId] = row;
            }
        }

        using (var hour = Command(transaction, HourSql, "$hour", "$type", "$family", "$count", "$first", "$last"))
        {
            foreach (var ((start, type), tally) in hours)
            {
                Run(hour, start, type, tally.Family, tally.Count, tally.First, tally.Last);
            }
        }

        using (var learner = Command(transaction, LearnerSql, "$id", "$name", "$email", "$at"))
        {
            foreach (var (id, row) in learners)
            {
                Run(learner, id, row.UserName, row.UserEmail, row.ReceivedAt);
            }
        }

        using (var training = Command(transaction, TrainingSql, "$id", "$title", "$at"))
        {
            foreach (var (id, row) in trainings)
            {
                Run(training, id, row.TrainingTitle, row.ReceivedAt);
            }
        }

        using var save = Command(transaction, SaveCursorSql, "$id");
        Run(save, rows[^1].Id);
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private sealed record Row(
        long Id,
        long ReceivedAt,
        string? EventType,
        string Family,
        string? UserId,
        string? UserName,
        string? UserEmail,
        string? TrainingId,
        string? TrainingTitle,
        string Body);

    private readonly record struct HourTally(string Family, long Count, long First, long Last);
}
