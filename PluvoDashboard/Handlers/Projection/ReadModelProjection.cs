using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Events;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.ReadModels;

namespace PluvoDashboard.Handlers.Projection;

/// <summary>
/// Applies parsed events to the read models held by one context; the caller saves. Rows made from a single
/// event are looked up by its id first, and subject rows are guarded by sent date, so applying an event
/// again changes nothing.
/// </summary>
internal sealed class ReadModelProjection(PluvoDbContext db)
{
    private readonly SubjectRows _subjects = new(db);

    public async Task ApplyAsync(WebhookEvent stored, PluvoEvent parsed, CancellationToken cancellationToken)
    {
        // Without a sent date, the time the event arrived is the best guess at when it happened.
        var at = parsed.SentDate ?? stored.SentDate ?? stored.ReceivedAt;
        var change = parsed.EventType.EndsWith("_DELETED", StringComparison.Ordinal)
            ? SubjectChange.Delete
            : SubjectChange.Full;
        const SubjectChange nested = SubjectChange.Nested;

        switch (parsed)
        {
            case UserEvent e:
                await _subjects.LearnerAsync(e.User, e.SubjectId, at, change, cancellationToken);
                break;

            case TrainingEvent e:
                await _subjects.TrainingAsync(e.Training, e.SubjectId, at, change, cancellationToken);
                break;

            case GroupEvent e:
                await _subjects.GroupAsync(e, at, change, cancellationToken);
                break;

            case PortfolioItemEvent e:
                await _subjects.LearnerAsync(e.User, null, at, nested, cancellationToken);
                await _subjects.PortfolioItemAsync(e, at, change, cancellationToken);
                break;

            case ModuleGroupEvent e:
                await _subjects.LearnerAsync(e.User, null, at, nested, cancellationToken);
                await _subjects.TrainingAsync(e.Training, null, at, nested, cancellationToken);
                await AddOnceAsync(db.Milestones, stored.Id, () => MilestoneFrom(e, at), cancellationToken);
                break;

            case CourseFinishedEvent e:
                await _subjects.LearnerAsync(e.User, null, at, nested, cancellationToken);
                await AddOnceAsync(db.Completions, stored.Id, () => CompletionFrom(e, at), cancellationToken);
                break;

            case TrainingFinishedEvent e:
                await _subjects.LearnerAsync(e.User, null, at, nested, cancellationToken);
                await _subjects.TrainingAsync(e.Training, null, at, nested, cancellationToken);
                await AddOnceAsync(db.Completions, stored.Id, () => CompletionFrom(e, at), cancellationToken);
                break;

            case AssignmentGradeEvent e:
                await _subjects.LearnerAsync(e.User, null, at, nested, cancellationToken);
                var training = e.Assignment?.ModuleGroup?.Training;
                await _subjects.TrainingAsync(training, null, at, nested, cancellationToken);
                await AddOnceAsync(db.AssignmentGrades, stored.Id, () => GradeFrom(e, at), cancellationToken);
                break;

            case OfferEventEnrolmentEvent e:
                await _subjects.LearnerAsync(e.User, null, at, nested, cancellationToken);
                await EnrolmentAsync(e, at, cancellationToken);
                break;
        }
    }

    private static async Task AddOnceAsync<TRow>(
        DbSet<TRow> rows,
        long eventId,
        Func<TRow> create,
        CancellationToken cancellationToken)
        where TRow : class, IFromOneEvent
    {
        if (await rows.AnyAsync(r => r.EventId == eventId, cancellationToken))
        {
            return;
        }

        var row = create();
        row.EventId = eventId;
        rows.Add(row);
    }

    private async Task EnrolmentAsync(
        OfferEventEnrolmentEvent e,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (e.User?.Id is not { Length: > 0 } learnerId || e.OfferEvent?.Id is not { Length: > 0 } offerId)
        {
            return;
        }

        var row = await db.Enrolments.FindAsync([learnerId, offerId], cancellationToken);
        if (row is null)
        {
            row = new Enrolment { LearnerId = learnerId, OfferEventId = offerId };
            db.Enrolments.Add(row);
        }
        else if (at < row.LastSentDate)
        {
            return;
        }

        row.EnrolmentId = e.SubjectId;
        row.Status = e.Status;
        row.EventType = e.EventType;
        row.OfferRef = e.OfferEvent.Ref;
        row.OfferTitle = e.OfferEvent.Title;
        row.OfferKind = e.OfferEvent.Kind;
        row.OfferCancelled = e.OfferEvent.Cancelled;
        row.LastSentDate = at;
    }

    private static Milestone MilestoneFrom(ModuleGroupEvent e, DateTimeOffset at) => new()
    {
        Kind = e.EventType switch
        {
            "EVENT_FILE_UPLOADED" => MilestoneKind.FileUploaded,
            "EVENT_CERTIFICATE_ACHIEVED" => MilestoneKind.CertificateAchieved,
            _ => MilestoneKind.Unlocked,
        },
        LearnerId = e.User?.Id,
        TrainingId = e.Training?.Id,
        ModuleGroupId = e.SubjectId,
        ModuleGroupRef = e.SubjectRef,
        ModuleGroupTitle = e.Title,
        Conditions = ConditionsJson(e.Conditions),
        FileUrl = e.File,
        SentDate = at,
    };

    private static Completion CompletionFrom(CourseFinishedEvent e, DateTimeOffset at) => new()
    {
        Kind = CompletionKind.Course,
        CompletionId = e.SubjectId,
        LearnerId = e.User?.Id,
        CourseId = e.Course?.Id,
        CourseTitle = e.Course?.Title,
        CourseType = e.Type,
        TrainingId = e.Course?.TrainingId,
        Score = (double?)e.Score,
        TimeSpent = e.TimeSpent,
        FinishedAt = at,
    };

    private static Completion CompletionFrom(TrainingFinishedEvent e, DateTimeOffset at) => new()
    {
        Kind = CompletionKind.Training,
        CompletionId = e.SubjectId,
        LearnerId = e.User?.Id,
        TrainingId = e.Training?.Id,
        TrainingTitle = e.Training?.Title,
        Score = (double?)e.Score,
        StartedAt = e.StartDate,
        FinishedAt = at,
    };

    private static AssignmentGrade GradeFrom(AssignmentGradeEvent e, DateTimeOffset at) => new()
    {
        GradeId = e.SubjectId,
        LearnerId = e.User?.Id,
        AssignmentId = e.Assignment?.Id,
        ModuleGroupId = e.Assignment?.ModuleGroup?.Id,
        ModuleGroupTitle = e.Assignment?.ModuleGroup?.Title,
        TrainingId = e.Assignment?.ModuleGroup?.Training?.Id,
        AssignmentType = e.Assignment?.AssignmentType,
        ScoreType = e.Assignment?.ScoreType,
        Weight = (double?)e.Assignment?.Weight,
        Score = (double?)e.Score,
        Fulfilled = e.Fulfilled,
        State = e.State,
        SentDate = at,
    };

    // The conditions in Pluvo's own shape, so the page shows them as sent.
    private static string ConditionsJson(IReadOnlyList<ModuleGroupCondition> conditions) =>
        JsonSerializer.Serialize(conditions.Select(c =>
        {
            var fields = new Dictionary<string, object?> { ["type"] = c.Type };
            if (c.Date is { } date)
            {
                fields["date"] = date;
            }

            foreach (var (name, value) in c.OtherFields)
            {
                fields[name] = value;
            }

            return fields;
        }));
}
