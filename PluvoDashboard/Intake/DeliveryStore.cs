using Microsoft.Data.Sqlite;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Intake;

/// <summary>
/// Writes batches of deliveries in one transaction each, with prepared statements on one connection.
/// It is the intake's hot path, so it uses plain ADO.NET instead of EF Core; the schema is still the
/// one EF Core's migrations create. The SQL (an upsert with RETURNING) reads the same in PostgreSQL.
/// </summary>
internal sealed class DeliveryStore(SqliteSettings settings) : IDisposable
{
    private const string InsertEventSql = """
        INSERT INTO WebhookEvents (ReceivedAt, SentDate, EventType, Family, SubjectId, SubjectRef,
            UserId, UserName, UserEmail, TrainingId, TrainingTitle, RawBody, BodyHash, Headers,
            SignatureReading, SignatureKey, Status, ParseError, DuplicateCount)
        VALUES ($receivedAt, $sentDate, $eventType, $family, $subjectId, $subjectRef,
            $userId, $userName, $userEmail, $trainingId, $trainingTitle, $rawBody, $bodyHash, $headers,
            $signatureReading, $signatureKey, $status, $parseError, 0)
        ON CONFLICT (BodyHash) DO UPDATE
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

    private SqliteConnection? _connection;
    private SqliteCommand? _insertEvent;

    /// <summary>Commits the batch and returns one receipt per delivery, in order. Throws when nothing was committed.</summary>
    public DeliveryReceipt[] Commit(
        IReadOnlyList<IncomingDelivery> deliveries,
        IReadOnlyList<Rejection> rejections,
        IReadOnlyDictionary<RejectionReason, long> newRejectionCounts,
        int rejectionsKept)
    {
        try
        {
            var connection = _connection ??= settings.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var receipts = new DeliveryReceipt[deliveries.Count];
            for (var i = 0; i < deliveries.Count; i++)
            {
                receipts[i] = InsertEvent(connection, transaction, deliveries[i]);
            }

            if (rejections.Count > 0 || newRejectionCounts.Count > 0)
            {
                RecordRejections(connection, transaction, rejections, newRejectionCounts, rejectionsKept);
            }

            transaction.Commit();
            return receipts;
        }
        catch
        {
            // The connection may be in any state after a failure; start the next batch on a fresh one.
            Reset();
            throw;
        }
    }

    private DeliveryReceipt InsertEvent(SqliteConnection connection, SqliteTransaction transaction, IncomingDelivery delivery)
    {
        var command = _insertEvent ??= PrepareInsertEvent(connection);
        command.Transaction = transaction;
        var envelope = delivery.Envelope.Envelope;
        var p = command.Parameters;
        p[0].Value = delivery.ReceivedAt.ToUnixTimeMilliseconds();
        p[1].Value = (object?)envelope?.SentDate?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        p[2].Value = (object?)envelope?.EventType ?? DBNull.Value;
        p[3].Value = (envelope?.Family ?? Events.EventFamily.Unknown).ToString();
        p[4].Value = (object?)envelope?.SubjectId ?? DBNull.Value;
        p[5].Value = (object?)envelope?.SubjectRef ?? DBNull.Value;
        p[6].Value = (object?)envelope?.UserId ?? DBNull.Value;
        p[7].Value = (object?)envelope?.UserName ?? DBNull.Value;
        p[8].Value = (object?)envelope?.UserEmail ?? DBNull.Value;
        p[9].Value = (object?)envelope?.TrainingId ?? DBNull.Value;
        p[10].Value = (object?)envelope?.TrainingTitle ?? DBNull.Value;
        p[11].Value = delivery.Body;
        p[12].Value = delivery.BodyHash;
        p[13].Value = delivery.Headers;
        p[14].Value = delivery.Signature.Reading.ToString();
        p[15].Value = delivery.Signature.KeyName;
        p[16].Value = (envelope is null ? EventStatus.Unparseable : EventStatus.Pending).ToString();
        p[17].Value = (object?)delivery.Envelope.Error ?? DBNull.Value;

        using var reader = command.ExecuteReader();
        reader.Read();
        return new DeliveryReceipt(reader.GetInt64(0), Duplicate: reader.GetInt32(1) > 0);
    }

    private static SqliteCommand PrepareInsertEvent(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = InsertEventSql;
        string[] names =
        [
            "$receivedAt", "$sentDate", "$eventType", "$family", "$subjectId", "$subjectRef", "$userId",
            "$userName", "$userEmail", "$trainingId", "$trainingTitle", "$rawBody", "$bodyHash", "$headers",
            "$signatureReading", "$signatureKey", "$status", "$parseError",
        ];
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void RecordRejections(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<Rejection> rejections,
        IReadOnlyDictionary<RejectionReason, long> newCounts,
        int kept)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertRejectionSql;
        foreach (var rejection in rejections)
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
        count.Transaction = transaction;
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
        trim.Transaction = transaction;
        trim.CommandText = TrimRejectionsSql;
        trim.Parameters.AddWithValue("$keep", kept);
        trim.ExecuteNonQuery();
    }

    private void Reset()
    {
        _insertEvent?.Dispose();
        _insertEvent = null;
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose() => Reset();
}
