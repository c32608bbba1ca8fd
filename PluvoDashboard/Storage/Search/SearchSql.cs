using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PluvoDashboard.Events;

namespace PluvoDashboard.Storage.Search;

/// <summary>
/// What one search looks for: the parsed query, plus the exact learner or training of a timeline and the id
/// bounds of a page or a "newer than" count.
/// </summary>
internal sealed record SearchSpec(
    EventQuery Query,
    string? ExactUserId = null,
    string? ExactTrainingId = null,
    long? AfterId = null,
    long? BeforeId = null);

/// <summary>
/// Writes the SQL of a search, in two forms. The indexed form reads the search tables the indexer keeps
/// (<c>SearchKeys</c> and the full-text <c>EventText</c>) and covers events up to the indexer's cursor; the
/// tail form reads <c>WebhookEvents</c> directly and covers the few events that arrived since, so a search
/// sees an event as soon as it is stored.
/// </summary>
internal sealed class SearchSql
{
    private readonly StringBuilder _where = new();
    private readonly List<SqliteParameter> _parameters = [];

    private SearchSql()
    {
    }

    /// <summary>The FROM and WHERE clauses, without ORDER BY; <c>Id</c> names the event id column.</summary>
    public string From { get; private set; } = "";

    /// <summary>The expression of the event id, for ORDER BY and the select list.</summary>
    public string Id { get; private set; } = "";

    public IReadOnlyList<SqliteParameter> Parameters => _parameters;

    /// <summary>The tail form: events with an id above <paramref name="cursor"/>, read from their rows.</summary>
    public static SearchSql Tail(SearchSpec spec, long cursor)
    {
        var sql = new SearchSql { Id = "e.Id" };
        var q = spec.Query;
        sql.And($"e.Id > {sql.Param(cursor)}");
        sql.IdBounds(spec, "e.Id");
        foreach (var term in q.Text)
        {
            sql.And($"CAST(e.RawBody AS TEXT) LIKE {sql.Param(Contains(term))} ESCAPE '\\'");
        }

        if (q.EventType is { } type)
        {
            sql.And($"e.EventType LIKE {sql.Param(TypePattern(type))} ESCAPE '\\'");
        }

        if (q.Family is { } family)
        {
            sql.And($"e.Family = {sql.Param(family.ToString())}");
        }

        if (q.Status is { } status)
        {
            sql.And($"e.Status = {sql.Param(status.ToString())}");
        }

        if (q.User is { } user)
        {
            var like = sql.Param(Contains(user));
            sql.And($"(e.UserId = {sql.Param(user)} OR e.UserEmail LIKE {like} ESCAPE '\\' " +
                $"OR e.UserName LIKE {like} ESCAPE '\\')");
        }

        if (q.Training is { } training)
        {
            sql.And($"(e.TrainingId = {sql.Param(training)} " +
                $"OR e.TrainingTitle LIKE {sql.Param(Contains(training))} ESCAPE '\\')");
        }

        if (spec.ExactUserId is { } userId)
        {
            sql.And($"e.UserId = {sql.Param(userId)}");
        }

        if (spec.ExactTrainingId is { } trainingId)
        {
            sql.And($"e.TrainingId = {sql.Param(trainingId)}");
        }

        sql.TimeBounds(q, "e.ReceivedAt");
        sql.From = $"FROM WebhookEvents e WHERE {sql._where}";
        return sql;
    }

    /// <summary>
    /// The indexed form. Free text drives the search through the full-text table, newest first, so a page
    /// stops after its rows; otherwise the indexes of <c>SearchKeys</c> do.
    /// </summary>
    /// <param name="types">The stored event types, to turn a <c>type:</c> pattern into a list the index takes.</param>
    /// <param name="idRange">The ids events received in the query's time range can have, when it has one.</param>
    public static SearchSql Indexed(SearchSpec spec, IReadOnlyCollection<string> types, (long Low, long High)? idRange)
    {
        var q = spec.Query;
        var sql = new SearchSql();
        string from;
        if (q.Text.Count > 0)
        {
            // CROSS JOIN keeps the full-text table the outer loop, which gives its rows in id order.
            from = "FROM EventText t CROSS JOIN SearchKeys k ON k.EventId = t.rowid";
            sql.Id = "t.rowid";
            sql.And($"EventText MATCH {sql.Param(MatchExpression(q.Text))}");
        }
        else
        {
            from = "FROM SearchKeys k";
            sql.Id = "k.EventId";
        }

        sql.IdBounds(spec, sql.Id);
        if (idRange is { } range)
        {
            sql.And($"{sql.Id} BETWEEN {sql.Param(range.Low)} AND {sql.Param(range.High)}");
        }

        if (q.EventType is not null || q.Family is not (null or EventFamily.Unknown))
        {
            var matching = MatchingTypes(q, types);
            sql.And(matching.Count == 0
                ? "0"
                : $"k.EventType IN ({string.Join(", ", matching.Select(t => sql.Param(t)))})");
        }

        if (q.Family is { } family)
        {
            sql.And($"k.Family = {sql.Param(family.ToString())}");
        }

        if (q.Status is { } status)
        {
            // Failures are few and have an index of their own; the common statuses are checked row by row.
            var name = sql.Param(status.ToString());
            sql.And(status is EventStatus.Pending or EventStatus.Processed
                ? $"EXISTS (SELECT 1 FROM WebhookEvents e WHERE e.Id = k.EventId AND e.Status = {name})"
                : $"k.EventId IN (SELECT Id FROM WebhookEvents WHERE Status = {name})");
        }

        if (q.User is { } user)
        {
            sql.And($"k.UserId IN (SELECT UserId FROM SearchLearners WHERE UserId = {sql.Param(user)} " +
                $"OR Email LIKE {sql.Param(Contains(user))} ESCAPE '\\' OR Name LIKE {sql.LastParam} ESCAPE '\\')");
        }

        if (q.Training is { } training)
        {
            sql.And($"k.TrainingId IN (SELECT TrainingId FROM SearchTrainings " +
                $"WHERE TrainingId = {sql.Param(training)} " +
                $"OR Title LIKE {sql.Param(Contains(training))} ESCAPE '\\')");
        }

        if (spec.ExactUserId is { } userId)
        {
            sql.And($"k.UserId = {sql.Param(userId)}");
        }

        if (spec.ExactTrainingId is { } trainingId)
        {
            sql.And($"k.TrainingId = {sql.Param(trainingId)}");
        }

        sql.TimeBounds(q, "k.ReceivedAt");
        sql.From = sql._where.Length == 0 ? from : $"{from} WHERE {sql._where}";
        return sql;
    }

    public void AddParametersTo(SqliteCommand command) =>
        command.Parameters.AddRange(_parameters.Select(p => new SqliteParameter(p.ParameterName, p.Value)));

    /// <summary>The stored types a query's <c>type:</c> pattern and family allow.</summary>
    internal static List<string> MatchingTypes(EventQuery query, IReadOnlyCollection<string> types)
    {
        IEnumerable<string> matching = types;
        if (query.EventType is { } pattern)
        {
            var regex = new Regex(
                "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            matching = matching.Where(t => regex.IsMatch(t));
        }

        if (query.Family is { } family and not EventFamily.Unknown)
        {
            matching = matching.Where(t => EventCatalog.FamilyOf(t) == family);
        }

        return [.. matching];
    }

    /// <summary>
    /// An FTS5 expression that needs every term as a substring: each one is a quoted string, which the trigram
    /// tokenizer turns into a phrase of consecutive trigrams.
    /// </summary>
    internal static string MatchExpression(IEnumerable<string> terms) =>
        string.Join(" AND ", terms.Select(t => $"\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));

    private string LastParam => _parameters[^1].ParameterName;

    private void And(string condition)
    {
        if (_where.Length > 0)
        {
            _where.Append(" AND ");
        }

        _where.Append(condition);
    }

    private string Param(object value)
    {
        var name = $"$p{_parameters.Count}";
        _parameters.Add(new SqliteParameter(name, value));
        return name;
    }

    private void IdBounds(SearchSpec spec, string id)
    {
        if (spec.AfterId is { } after)
        {
            And($"{id} > {Param(after)}");
        }

        if (spec.BeforeId is { } before)
        {
            And($"{id} < {Param(before)}");
        }
    }

    private void TimeBounds(EventQuery query, string column)
    {
        if (query.After is { } after)
        {
            And($"{column} >= {Param(after.ToUnixTimeMilliseconds())}");
        }

        if (query.Before is { } before)
        {
            And($"{column} < {Param(before.ToUnixTimeMilliseconds())}");
        }
    }

    private static string Contains(string text) => $"%{EscapeLike(text)}%";

    private static string TypePattern(string type) => EscapeLike(type).Replace('*', '%');

    private static string EscapeLike(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}
