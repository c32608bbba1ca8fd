namespace PluvoDashboard.Storage.Search;

public static class SearchExtensions
{
    /// <summary>
    /// Registers the event search, the overview statistics, the background indexer that keeps their tables,
    /// and retention (<c>Retention:Days</c>).
    /// </summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventSearch>();
        builder.Services.AddHostedService<SearchIndexer>();
        return builder;
    }
}
