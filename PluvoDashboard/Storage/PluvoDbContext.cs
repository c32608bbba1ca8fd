using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PluvoDashboard.Accounts;
using PluvoDashboard.Audit;
using PluvoDashboard.Storage.ReadModels;
using PluvoDashboard.Storage.Search;

namespace PluvoDashboard.Storage;

/// <summary>
/// The one database: stored deliveries, handler work, read models, the search index, and the dashboard's
/// accounts (ASP.NET Core Identity's tables), API tokens, audit log and data-protection keys.
/// </summary>
public sealed class PluvoDbContext(DbContextOptions<PluvoDbContext> options)
    : IdentityDbContext<DashboardUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<RejectedDelivery> RejectedDeliveries => Set<RejectedDelivery>();

    public DbSet<RejectionCount> RejectionCounts => Set<RejectionCount>();

    public DbSet<HandlerRun> HandlerRuns => Set<HandlerRun>();

    public DbSet<HandlerWork> HandlerWork => Set<HandlerWork>();

    public DbSet<DispatcherCursor> DispatcherCursors => Set<DispatcherCursor>();

    public DbSet<Learner> Learners => Set<Learner>();

    public DbSet<Training> Trainings => Set<Training>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<PortfolioItem> PortfolioItems => Set<PortfolioItem>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<Completion> Completions => Set<Completion>();

    public DbSet<AssignmentGrade> AssignmentGrades => Set<AssignmentGrade>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<SearchCursor> SearchCursors => Set<SearchCursor>();

    public DbSet<SearchKey> SearchKeys => Set<SearchKey>();

    public DbSet<SearchLearner> SearchLearners => Set<SearchLearner>();

    public DbSet<SearchTraining> SearchTrainings => Set<SearchTraining>();

    public DbSet<EventHourCount> EventHourCounts => Set<EventHourCount>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The keys that encrypt session cookies and antiforgery tokens, so a restart signs nobody out.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Instants are stored as Unix milliseconds: compact, sortable and comparable in SQL.
        configuration.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configuration.Properties<EventStatus>().HaveConversion<string>().HaveMaxLength(16);
        configuration.Properties<RejectionReason>().HaveConversion<string>().HaveMaxLength(24);
        configuration.Properties<HandlerWorkStatus>().HaveConversion<string>().HaveMaxLength(16);
        configuration.Properties<CompletionKind>().HaveConversion<string>().HaveMaxLength(16);
        configuration.Properties<MilestoneKind>().HaveConversion<string>().HaveMaxLength(24);

        // Durations as ticks, so they sum and sort in SQL.
        configuration.Properties<TimeSpan>().HaveConversion<long>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        // Identity's own tables first (users, roles, claims, logins, tokens).
        base.OnModelCreating(model);

        model.Entity<WebhookEvent>(e =>
        {
            // The intake's duplicate check (see DeliveryStore). Every index slows the intake down, so
            // indexes for the pages are added with the queries that need them.
            e.Property(x => x.DuplicateCheckDate).HasComputedColumnSql("COALESCE(SentDate, 0)", stored: false);
            e.HasIndex(x => new { x.DuplicateCheckDate, x.BodyHash }).IsUnique();

            // Only the statuses the intake never writes (except the rare unparseable body) are indexed, so
            // the intake's inserts skip this index; the dispatcher touches it only for failures.
            e.HasIndex(x => x.Status).HasFilter(
                "Status = 'Failing' OR Status = 'DeadLettered' OR Status = 'Unparseable'");
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

        ConfigureReadModels(model);
        SearchIndexModel.Configure(model);

        // The two roles exist from the first migration on, with fixed ids.
        model.Entity<IdentityRole>().HasData(
            new IdentityRole
            {
                Id = "role-admin",
                Name = DashboardRoles.Admin,
                NormalizedName = "ADMIN",
                ConcurrencyStamp = "7f6c2f0e-0d5b-4a8e-9a54-2b3e5c1d0a01",
            },
            new IdentityRole
            {
                Id = "role-viewer",
                Name = DashboardRoles.Viewer,
                NormalizedName = "VIEWER",
                ConcurrencyStamp = "7f6c2f0e-0d5b-4a8e-9a54-2b3e5c1d0a02",
            });

        model.Entity<ApiToken>(e =>
        {
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.OwnerId);
        });

        model.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.Subject).HasMaxLength(256);
            e.Property(x => x.Detail).HasMaxLength(AuditLog.DetailMaxLength + 1);
        });
    }

    private static void ConfigureReadModels(ModelBuilder model)
    {
        model.Entity<Learner>(e =>
        {
            e.HasIndex(x => x.Email);
            e.HasIndex(x => x.Name);
        });

        model.Entity<Training>().HasIndex(x => x.Title);

        model.Entity<Group>();

        model.Entity<PortfolioItem>().HasIndex(x => x.LearnerId);

        model.Entity<Enrolment>(e =>
        {
            e.HasKey(x => new { x.LearnerId, x.OfferEventId });
            e.HasIndex(x => x.OfferEventId);
        });

        // Rows made from one event carry its id uniquely: projecting the event again finds it and adds nothing.
        model.Entity<Completion>(e =>
        {
            e.HasIndex(x => x.EventId).IsUnique();
            e.HasIndex(x => x.FinishedAt);
            e.HasIndex(x => new { x.LearnerId, x.FinishedAt });
            e.HasIndex(x => new { x.TrainingId, x.FinishedAt });
        });

        model.Entity<AssignmentGrade>(e =>
        {
            e.HasIndex(x => x.EventId).IsUnique();
            e.HasIndex(x => new { x.LearnerId, x.AssignmentId, x.SentDate });
        });

        model.Entity<Milestone>(e =>
        {
            e.HasIndex(x => x.EventId).IsUnique();
            e.HasIndex(x => new { x.LearnerId, x.SentDate });
            e.HasIndex(x => new { x.TrainingId, x.SentDate });
        });
    }

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        value => DateTimeOffset.FromUnixTimeMilliseconds(value));
}
