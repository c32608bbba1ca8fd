using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Events;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.ReadModels;

namespace PluvoDashboard.Handlers.Projection;

/// <summary>How an event changes a subject's row.</summary>
internal enum SubjectChange
{
    /// <summary>The subject's own created or updated event: it states every field.</summary>
    Full,

    /// <summary>A copy nested in another event: it may be partial, so it only fills in what it has.</summary>
    Nested,

    /// <summary>The subject's deleted event: it leaves a tombstone.</summary>
    Delete,
}

/// <summary>
/// Writes learners, trainings, groups and portfolio items under the ordering guard: an event older than the
/// one that last changed a row is ignored. A tombstone is final (Pluvo does not reuse ids), so no event
/// brings a deleted subject back, whatever order the events arrive in.
/// </summary>
/// <remarks>
/// The guard works per row, not per field: a partial nested copy newer than the subject's own full event
/// keeps that event's other fields out when the two arrive in reverse order. Real deliveries nest subjects
/// in full, so this does not arise; a sent date per field would remove it.
/// </remarks>
internal sealed class SubjectRows(PluvoDbContext db)
{
    public Task LearnerAsync(PluvoUser? user, string? id, DateTimeOffset at, SubjectChange change,
        CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return Task.CompletedTask;
        }

        return ApplyAsync(db.Learners, id ?? user.Id, at, change, (row, merge) =>
        {
            row.Ref = Pick(user.Ref, row.Ref, merge);
            row.Name = Pick(user.Name, row.Name, merge);
            row.Email = Pick(user.Email, row.Email, merge);
            row.IsActive = Pick(user.IsActive, row.IsActive, merge);
            row.AfasPersonId = Pick(user.AfasPersonId, row.AfasPersonId, merge);
            row.AfasEmployeeId = Pick(user.AfasEmployeeId, row.AfasEmployeeId, merge);
            row.ExtraFields = Pick(Json(user.ExtraFields), row.ExtraFields, merge);
        }, cancellationToken);
    }

    public Task TrainingAsync(PluvoTraining? training, string? id, DateTimeOffset at, SubjectChange change,
        CancellationToken cancellationToken)
    {
        if (training is null)
        {
            return Task.CompletedTask;
        }

        return ApplyAsync(db.Trainings, id ?? training.Id, at, change, (row, merge) =>
        {
            row.Ref = Pick(training.Ref, row.Ref, merge);
            row.Title = Pick(training.Title, row.Title, merge);
            row.Subtitle = Pick(training.Subtitle, row.Subtitle, merge);
            row.Introduction = Pick(training.Introduction, row.Introduction, merge);
            row.StartDate = Pick(training.StartDate, row.StartDate, merge);
            row.EndDate = Pick(training.EndDate, row.EndDate, merge);
            row.IsActive = Pick(training.IsActive, row.IsActive, merge);
            row.ShowParticipants = Pick(training.ShowParticipants, row.ShowParticipants, merge);
            row.ShowSharedFiles = Pick(training.ShowSharedFiles, row.ShowSharedFiles, merge);
            row.EnableChat = Pick(training.EnableChat, row.EnableChat, merge);
            row.ExtraFields = Pick(Json(training.ExtraFields), row.ExtraFields, merge);
        }, cancellationToken);
    }

    public Task GroupAsync(GroupEvent group, DateTimeOffset at, SubjectChange change,
        CancellationToken cancellationToken) =>
        ApplyAsync(db.Groups, group.SubjectId, at, change, (row, merge) =>
        {
            row.Ref = Pick(group.SubjectRef, row.Ref, merge);
            row.Name = Pick(group.Name, row.Name, merge);
            row.EnableChat = Pick(group.EnableChat, row.EnableChat, merge);
        }, cancellationToken);

    public Task PortfolioItemAsync(PortfolioItemEvent item, DateTimeOffset at, SubjectChange change,
        CancellationToken cancellationToken) =>
        ApplyAsync(db.PortfolioItems, item.SubjectId, at, change, (row, merge) =>
        {
            row.Ref = Pick(item.SubjectRef, row.Ref, merge);
            row.LearnerId = Pick(item.User?.Id, row.LearnerId, merge);
            row.Title = Pick(item.Title, row.Title, merge);
            row.Description = Pick(item.Description, row.Description, merge);
            row.StartDate = Pick(item.StartDate, row.StartDate, merge);
            row.EndDate = Pick(item.EndDate, row.EndDate, merge);
            row.Files = merge && item.Files.Count == 0 ? row.Files : JsonSerializer.Serialize(item.Files);
        }, cancellationToken);

    private async Task ApplyAsync<TRow>(
        DbSet<TRow> rows,
        string? id,
        DateTimeOffset at,
        SubjectChange change,
        Action<TRow, bool> write,
        CancellationToken cancellationToken)
        where TRow : class, ISubjectRow, new()
    {
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        // Find looks at the rows this context already holds first, so a batch sees its own earlier changes.
        var row = await rows.FindAsync([id], cancellationToken);
        if (row is null)
        {
            row = new TRow { Id = id, LastSentDate = at };
            rows.Add(row);
        }
        else if ((row.IsDeleted && change != SubjectChange.Delete) || at < row.LastSentDate)
        {
            // A delete is recorded even when it arrives late, so that the tombstone does not depend on order.
            MarkDeleted(row, at, change);
            return;
        }

        write(row, change != SubjectChange.Full);
        row.LastSentDate = at;
        MarkDeleted(row, at, change);
    }

    private static void MarkDeleted(ISubjectRow row, DateTimeOffset at, SubjectChange change)
    {
        if (change != SubjectChange.Delete)
        {
            return;
        }

        // The first delete's date, whichever of several deliveries of it came first.
        row.IsDeleted = true;
        row.DeletedAt = row.DeletedAt is { } earlier && earlier < at ? earlier : at;
    }

    private static T? Pick<T>(T? value, T? current, bool merge) => merge && value is null ? current : value;

    private static string? Json(IReadOnlyDictionary<string, string?> fields) =>
        fields.Count == 0 ? null : JsonSerializer.Serialize(fields);
}
