using Microsoft.EntityFrameworkCore;

namespace PluvoDashboard.Storage.Search;

/// <summary>
/// The tables of the search index. The full-text table <c>EventText</c> is an SQLite FTS5 virtual table that
/// EF Core does not model; the <c>SearchIndex</c> migration creates it with <see cref="CreateTextTableSql"/>.
/// </summary>
internal static class SearchIndexModel
{
    /// <summary>
    /// The payloads for substring search: trigram tokens, case-insensitive. Contentless, so a payload is not
    /// stored a second time; rows are the event ids, and can be deleted (retention).
    /// </summary>
    public const string CreateTextTableSql = """
        CREATE VIRTUAL TABLE EventText USING fts5(
            Body, content='', contentless_delete=1, tokenize='trigram case_sensitive 0')
        """;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<SearchCursor>().HasKey(x => x.Name);

        model.Entity<SearchKey>(e =>
        {
            e.HasKey(x => x.EventId);
            e.Property(x => x.EventId).ValueGeneratedNever();
            e.HasIndex(x => new { x.EventType, x.EventId });
            e.HasIndex(x => new { x.UserId, x.EventId }).HasFilter("UserId IS NOT NULL");
            e.HasIndex(x => new { x.TrainingId, x.EventId }).HasFilter("TrainingId IS NOT NULL");
        });

        model.Entity<SearchLearner>(e =>
        {
            e.HasKey(x => x.UserId);
            e.HasIndex(x => x.LastReceivedAt);
        });

        model.Entity<SearchTraining>().HasKey(x => x.TrainingId);

        model.Entity<EventHourCount>().HasKey(x => new { x.Hour, x.EventType });
    }
}
