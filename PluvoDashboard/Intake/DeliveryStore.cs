using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PluvoDashboard.Storage;
using SQLitePCL;

namespace PluvoDashboard.Intake;

/// <summary>
/// Writes batches of deliveries in one transaction each, on one connection of its own. Each delivery is
/// one execution of a statement prepared once, bound and stepped through SQLite's C API: this is the
/// path every delivery takes one after another, so it avoids the per-execution work of ADO.NET and EF
/// Core. The schema is still the one EF Core's migrations create; the SQL (an upsert with RETURNING)
/// reads the same in PostgreSQL.
/// </summary>
internal sealed class DeliveryStore(SqliteSettings settings) : IDisposable
{
    private const string InsertEventSql = """
        INSERT INTO WebhookEvents (ReceivedAt, SentDate, EventType, Family, SubjectId, SubjectRef,
            UserId, UserName, UserEmail, TrainingId, TrainingTitle, RawBody, BodyHash, Headers,
            SignatureReading, SignatureKey, Status, ParseError, DuplicateCount)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, 0)
        ON CONFLICT (DuplicateCheckDate, BodyHash) DO UPDATE
            SET DuplicateCount = DuplicateCount + 1, LastDuplicateAt = excluded.ReceivedAt
        RETURNING Id, DuplicateCount
        """;

    private const string InsertRejectionSql = """
        INSERT INTO RejectedDeliveries (RejectedAt, Reason, RemoteAddress, BodyLength, BodyPrefix)
        VALUES ($at, $reason, $remoteAddress, $bodyLength, $bodyPrefix)
        """;

    private const string CountRejectionsSql = """
        INSERT INTO RejectionCounts (Reason, Count, LastAt) VALUES ($reason, $count, $at)
        ON CONFLICT (Reason) DO UPDATE SET Count = Count + excluded.Count, LastAt = excluded.LastAt
        """;

    private const string TrimRejectionsSql = """
        DELETE FROM RejectedDeliveries WHERE Id <= (SELECT MAX(Id) FROM RejectedDeliveries) - $keep
        """;

    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(30);

    private SqliteConnection? _connection;
    private sqlite3_stmt? _begin;
    private sqlite3_stmt? _commit;
    private sqlite3_stmt? _insertEvent;

    /// <summary>
    /// Commits the batch and returns one receipt per delivery, in order. Throws when nothing was committed.
    /// </summary>
    public DeliveryReceipt[] Commit(
        IReadOnlyList<IncomingDelivery> deliveries,
        IReadOnlyList<Rejection> rejections,
        IReadOnlyDictionary<RejectionReason, long> newRejectionCounts,
        int rejectionsKept)
    {
        try
        {
            var connection = _connection ??= Open();
            var db = connection.Handle!;
            Begin(db);
            var receipts = new DeliveryReceipt[deliveries.Count];
            for (var i = 0; i < deliveries.Count; i++)
            {
                receipts[i] = InsertEvent(connection, deliveries[i]);
            }

            if (rejections.Count > 0 || newRejectionCounts.Count > 0)
            {
                RecordRejections(connection, rejections, newRejectionCounts, rejectionsKept);
            }

            Run(db, ref _commit, "COMMIT");
            return receipts;
        }
        catch
        {
            // Closing the connection rolls back whatever was begun; the next batch starts on a fresh one.
            Reset();
            throw;
        }
    }

    private SqliteConnection Open()
    {
        // Not pooled: the busy handler below belongs to this connection alone. Statements stepped through the
        // C API do not get ADO.NET's retries while another connection writes, so SQLite itself must wait.
        var connection = settings.OpenConnection(pooled: false);
        raw.sqlite3_busy_timeout(connection.Handle, 0);
        return connection;
    }

    /// <summary>
    /// Takes the write lock for a batch. While another connection (the dispatcher, a handler) holds it, this
    /// tries again every millisecond for up to <see cref="LockPatience"/>. SQLite's own busy timeout sleeps in
    /// growing steps of up to 100 ms, which would hold every waiting delivery that long after the lock is free.
    /// </summary>
    private void Begin(sqlite3 db)
    {
        var statement = _begin ??= Prepare(db, "BEGIN IMMEDIATE");
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var result = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (result == raw.SQLITE_DONE)
            {
                return;
            }

            if (result != raw.SQLITE_BUSY || waiting.Elapsed > LockPatience)
            {
                throw Failure(db, result);
            }

            Thread.Sleep(1);
        }
    }

    private static void Run(sqlite3 db, ref sqlite3_stmt? statement, string sql)
    {
        statement ??= Prepare(db, sql);
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            throw Failure(db, result);
        }
    }

    private DeliveryReceipt InsertEvent(SqliteConnection connection, IncomingDelivery delivery)
    {
        var db = connection.Handle!;
        var statement = _insertEvent ??= Prepare(db, InsertEventSql);
        var envelope = delivery.Envelope.Envelope;
        try
        {
            raw.sqlite3_bind_int64(statement, 1, delivery.ReceivedAt.ToUnixTimeMilliseconds());
            Bind(statement, 2, envelope?.SentDate?.ToUnixTimeMilliseconds());
            Bind(statement, 3, envelope?.EventType);
            Bind(statement, 4, (envelope?.Family ?? Events.EventFamily.Unknown).ToString());
            Bind(statement, 5, envelope?.SubjectId);
            Bind(statement, 6, envelope?.SubjectRef);
            Bind(statement, 7, envelope?.UserId);
            Bind(statement, 8, envelope?.UserName);
            Bind(statement, 9, envelope?.UserEmail);
            Bind(statement, 10, envelope?.TrainingId);
            Bind(statement, 11, envelope?.TrainingTitle);
            raw.sqlite3_bind_blob(statement, 12, delivery.Body);
            raw.sqlite3_bind_blob(statement, 13, delivery.BodyHash);
            Bind(statement, 14, delivery.Headers);
            Bind(statement, 15, delivery.Signature.Reading.ToString());
            Bind(statement, 16, delivery.Signature.KeyName);
            Bind(statement, 17, delivery.InitialStatus.ToString());
            Bind(statement, 18, delivery.Envelope.Error);

            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_ROW)
            {
                throw Failure(db, result);
            }

            var id = raw.sqlite3_column_int64(statement, 0);
            var duplicate = raw.sqlite3_column_int(statement, 1) > 0;
            return new DeliveryReceipt(id, duplicate);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        var result = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (result != raw.SQLITE_OK)
        {
            throw Failure(db, result);
        }

        return statement;
    }

    private static void Bind(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(statement, index, value);
        }
    }

    private static void Bind(sqlite3_stmt statement, int index, long? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            raw.sqlite3_bind_int64(statement, index, value.Value);
        }
    }

    private static SqliteException Failure(sqlite3 db, int result) =>
        new(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));

    private static void RecordRejections(
        SqliteConnection connection,
        IReadOnlyList<Rejection> rejections,
        IReadOnlyDictionary<RejectionReason, long> newCounts,
        int kept)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = InsertRejectionSql;
        // A request refused for its address's earlier refusals has nothing to show (its body was not read):
        // it is counted, but kept rows stay for the refusals that say what is wrong.
        foreach (var rejection in rejections.Where(r => r.Reason != RejectionReason.RateLimited))
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$at", rejection.At.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$reason", rejection.Reason.ToString());
            insert.Parameters.AddWithValue("$remoteAddress", (object?)rejection.RemoteAddress ?? DBNull.Value);
            insert.Parameters.AddWithValue("$bodyLength", (object?)rejection.BodyLength ?? DBNull.Value);
            insert.Parameters.AddWithValue("$bodyPrefix", rejection.BodyPrefix);
            insert.ExecuteNonQuery();
        }

        using var count = connection.CreateCommand();
        count.CommandText = CountRejectionsSql;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var (reason, n) in newCounts)
        {
            count.Parameters.Clear();
            count.Parameters.AddWithValue("$reason", reason.ToString());
            count.Parameters.AddWithValue("$count", n);
            count.Parameters.AddWithValue("$at", rejections.LastOrDefault(r => r.Reason == reason)?.At
                .ToUnixTimeMilliseconds() ?? now);
            count.ExecuteNonQuery();
        }

        using var trim = connection.CreateCommand();
        trim.CommandText = TrimRejectionsSql;
        trim.Parameters.AddWithValue("$keep", kept);
        trim.ExecuteNonQuery();
    }

    private void Reset()
    {
        _begin?.Dispose();
        _begin = null;
        _commit?.Dispose();
        _commit = null;
        _insertEvent?.Dispose();
        _insertEvent = null;
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose() => Reset();
}
