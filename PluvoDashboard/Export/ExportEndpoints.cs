using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Components.Pages.Completions;
using PluvoDashboard.Components.Pages.Grades;
using PluvoDashboard.Components.Pages.Portfolio;
using PluvoDashboard.Components.Pages.ReadModels;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.ReadModels;

namespace PluvoDashboard.Export;

/// <summary>
/// CSV downloads of the read-model pages under <c>/export/</c>. Each takes the query parameters of its page
/// and filters with the page's own filter class, so a download holds every row the page lists, not only
/// the page shown.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export");
        export.MapGet("/completions.csv", Completions).WithName("ExportCompletions");
        export.MapGet("/portfolio.csv", Portfolio).WithName("ExportPortfolio");
        export.MapGet("/grades.csv", Grades).WithName("ExportGrades");
        return app;
    }

    private static IResult Completions(
        [AsParameters] CompletionFilter filter,
        IDbContextFactory<PluvoDbContext> dbFactory,
        TimeProvider time,
        HttpContext http)
    {
        if (filter.Validate() is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors, "Some filters could not be read.");
        }

        string[] header =
        [
            "finished_at", "kind", "learner_id", "learner_name", "learner_email", "course", "training_id",
            "training", "score", "time_spent_seconds",
        ];
        return CsvDownload.Result(
            CsvDownload.FileName("completions", time.GetUtcNow()),
            header,
            ReadAsync(dbFactory, db => filter.Query(db)),
            row =>
            [
                CsvDownload.Instant(row.FinishedAt),
                row.Kind == CompletionKind.Course ? "course" : "training",
                row.LearnerId,
                row.LearnerName,
                row.LearnerEmail,
                row.CourseTitle,
                row.TrainingId,
                row.TrainingTitle,
                CsvDownload.Number(row.Score),
                CsvDownload.Number(row.TimeSpent?.TotalSeconds),
            ],
            http.RequestAborted);
    }

    private static IResult Portfolio(
        [AsParameters] PortfolioFilter filter,
        IDbContextFactory<PluvoDbContext> dbFactory,
        TimeProvider time,
        HttpContext http)
    {
        if (filter.Validate() is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors, "Some filters could not be read.");
        }

        string[] header =
        [
            "updated_at", "item_id", "learner_id", "learner_name", "learner_email", "title", "description",
            "start", "end", "files", "deleted", "deleted_at",
        ];
        return CsvDownload.Result(
            CsvDownload.FileName("portfolio", time.GetUtcNow()),
            header,
            ReadAsync(dbFactory, db => filter.Query(db)),
            row =>
            [
                CsvDownload.Instant(row.LastSentDate),
                row.Id,
                row.LearnerId,
                row.LearnerName,
                row.LearnerEmail,
                row.Title,
                row.Description,
                CsvDownload.Instant(row.StartDate),
                CsvDownload.Instant(row.EndDate),
                string.Join(' ', WebLinks.FromJsonArray(row.Files)),
                CsvDownload.Flag(row.IsDeleted),
                CsvDownload.Instant(row.DeletedAt),
            ],
            http.RequestAborted);
    }

    /// <summary>The current grades, the latest per learner and assignment; the history stays on the page.</summary>
    private static IResult Grades(
        [AsParameters] GradeFilter filter,
        IDbContextFactory<PluvoDbContext> dbFactory,
        TimeProvider time,
        HttpContext http)
    {
        if (filter.Validate() is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors, "Some filters could not be read.");
        }

        string[] header =
        [
            "graded_at", "learner_id", "learner_name", "learner_email", "assignment_id", "module_group",
            "training_id", "assignment_type", "score", "score_type", "state", "fulfilled", "weight",
        ];
        return CsvDownload.Result(
            CsvDownload.FileName("grades", time.GetUtcNow()),
            header,
            ReadAsync(dbFactory, db => filter.Query(db)),
            row =>
            [
                CsvDownload.Instant(row.GradedAt),
                row.LearnerId,
                row.LearnerName,
                row.LearnerEmail,
                row.AssignmentId,
                row.ModuleGroupTitle,
                row.TrainingId,
                row.AssignmentType,
                CsvDownload.Number(row.Score),
                row.ScoreType,
                row.State,
                CsvDownload.Flag(row.Fulfilled),
                CsvDownload.Number(row.Weight),
            ],
            http.RequestAborted);
    }

    /// <summary>The rows of a query, read one at a time with a context of their own for the whole download.</summary>
    private static async IAsyncEnumerable<TRow> ReadAsync<TRow>(
        IDbContextFactory<PluvoDbContext> dbFactory,
        Func<PluvoDbContext, IQueryable<TRow>> query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var row in query(db).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
