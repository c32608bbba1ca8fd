using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PluvoDashboard.Storage;

public sealed class PluvoDbContext(DbContextOptions<PluvoDbContext> options) : DbContext(options)
{
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<RejectedDelivery> RejectedDeliveries => Set<RejectedDelivery>();

    public DbSet<RejectionCount> RejectionCounts => Set<RejectionCount>();

    public DbSet<HandlerRun> HandlerRuns => Set<HandlerRun>();

    public DbSet<HandlerWork> HandlerWork => Set<HandlerWork>();

    public DbSet<DispatcherCursor> DispatcherCursors => Set<DispatcherCursor>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Instants are stored as Unix milliseconds: compact, sortable and comparable in SQL.
        configuration.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configuration.Properties<EventStatus>().HaveConversion<string>().HaveMaxLength(16);
        configuration.Properties<RejectionReason>().HaveConversion<string>().HaveMaxLength(24);
        configuration.Properties<HandlerWorkStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<WebhookEvent>(e =>
        {
            // The intake's duplicate check (see DeliveryStore). Every index slows the intake down, so
            // indexes for the pages are added with the queries that need them.
            e.Property(x => x.DuplicateCheckDate).HasComputedColumnSql("COALESCE(SentDate, 0)", stored: false);
            e.HasIndex(x => new { x.DuplicateCheckDate, x.BodyHash }).IsUnique();
        });

        model.Entity<RejectedDelivery>();

        model.Entity<RejectionCount>().HasKey(x => x.Reason);

        model.Entity<HandlerRun>(e =>
        {
            e.HasIndex(x => new { x.EventId, x.Id });
            e.HasIndex(x => new { x.HandlerName, x.StartedAt });
        });

        model.Entity<HandlerWork>(e =>
        {
            e.HasKey(x => new { x.EventId, x.HandlerName });
            e.HasIndex(x => new { x.Status, x.DueAt });
        });

        model.Entity<DispatcherCursor>().HasKey(x => x.Name);
    }

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        value => DateTimeOffset.FromUnixTimeMilliseconds(value));
}
