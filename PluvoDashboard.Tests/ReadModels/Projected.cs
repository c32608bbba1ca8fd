using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.ReadModels;

/// <summary>Deliveries posted to the running app and waited on until the dispatcher has projected them.</summary>
public static class Projected
{
    public static async Task<long> PostAsync(this PluvoApp app, string json) =>
        await app.PostAsync(SignedDelivery.Of(json));

    public static async Task<long> PostAsync(this PluvoApp app, SignedDelivery delivery)
    {
        var id = (await (await app.CreateClient().SendAsync(delivery.ToRequest())).AssertAcceptedAsync()).Id;
        await app.AllProcessedAsync();
        return id;
    }

    /// <summary>Waits until no stored event is waiting for or failing in a handler.</summary>
    public static Task AllProcessedAsync(this PluvoApp app) => Eventually.HoldsAsync(async () =>
    {
        await using var db = app.CreateDbContext();
        return !await db.WebhookEvents.AnyAsync(e => e.Status == EventStatus.Pending
            || e.Status == EventStatus.Failing
            || e.Status == EventStatus.DeadLettered);
    }, "every event is processed", timeoutMs: 60_000);

    /// <summary>
    /// Every read-model row as JSON, sorted, without surrogate keys: two snapshots are equal when the tables
    /// hold the same rows.
    /// </summary>
    public static async Task<List<string>> SnapshotAsync(this PluvoApp app)
    {
        await using var db = app.CreateDbContext();
        List<string> rows =
        [
            .. Rows("learner", await db.Learners.AsNoTracking().ToListAsync()),
            .. Rows("training", await db.Trainings.AsNoTracking().ToListAsync()),
            .. Rows("group", await db.Groups.AsNoTracking().ToListAsync()),
            .. Rows("portfolio", await db.PortfolioItems.AsNoTracking().ToListAsync()),
            .. Rows("enrolment", await db.Enrolments.AsNoTracking().ToListAsync()),
            .. Rows("completion", await db.Completions.AsNoTracking().ToListAsync(), surrogateKey: true),
            .. Rows("grade", await db.AssignmentGrades.AsNoTracking().ToListAsync(), surrogateKey: true),
            .. Rows("milestone", await db.Milestones.AsNoTracking().ToListAsync(), surrogateKey: true),
        ];
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static IEnumerable<string> Rows<T>(string table, List<T> rows, bool surrogateKey = false) =>
        rows.Select(row =>
        {
            var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(row))!.AsObject();
            if (surrogateKey)
            {
                json.Remove("Id");
            }

            return $"{table} {json.ToJsonString()}";
        });
}
