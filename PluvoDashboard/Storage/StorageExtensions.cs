using Microsoft.EntityFrameworkCore;

namespace PluvoDashboard.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers the database named by <c>ConnectionStrings:Pluvo</c> (default <c>data/pluvo.db</c>).
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var settings = new SqliteSettings(
            builder.Configuration.GetConnectionString("Pluvo"),
            builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddDbContextFactory<PluvoDbContext>(options => options
            .UseSqlite(settings.ConnectionString)
            .AddInterceptors(new SqliteSettings.PragmaInterceptor()));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Applies pending migrations and turns on write-ahead logging.</summary>
    public static async Task MigrateDatabaseAsync(this IHost app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PluvoDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
