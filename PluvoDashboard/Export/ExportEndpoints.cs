using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Components.Pages.Completions;
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
