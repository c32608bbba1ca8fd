using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PluvoDashboard.Storage.Search;

public static class SearchExtensions
{
    /// <summary>
    /// Registers the event search, the overview statistics, the background indexer that keeps their tables,
    /// and retention (<c>Retention:Days</c>, 0 or more; 0, the default, keeps events forever).
    /// </summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventSearch>();
        builder.Services.AddSingleton<EventStats>();
        builder.Services.AddHostedService<SearchIndexer>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.Days >= 0, "Retention:Days must be 0 (keep events forever) or a number of days.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RetentionService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RetentionService>());
        return builder;
    }
}
