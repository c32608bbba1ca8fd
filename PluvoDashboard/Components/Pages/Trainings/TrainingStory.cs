using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Components.Pages.Completions;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.ReadModels;

namespace PluvoDashboard.Components.Pages.Trainings;

/// <summary>A learner taking part in a training, and when they finished it if they did.</summary>
public sealed record Participant(string LearnerId, string? Name, string? Email, DateTimeOffset? FinishedAt,
    double? Score);

/// <summary>
/// Everything the read models know about one training, for its page; lists hold at most <see cref="Limit"/>
/// rows.
/// </summary>
public sealed record TrainingStory(
    Training Training,
    TrainingFigures Figures,
    List<Participant> Participants,
    List<CompletionRow> Completions)
{
    public const int Limit = 100;

    /// <summary>The training's story, or null for a training no event has named.</summary>
    public static async Task<TrainingStory?> LoadAsync(PluvoDbContext db, string id)
    {
        var training = await db.Trainings.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id);
        if (training is null)
        {
            return null;
        }

        var figures = (await TrainingFigures.ForAsync(db, [id]))[id];
        var learnerIds = db.Completions.Where(c => c.TrainingId == id).Select(c => c.LearnerId)
            .Union(db.Milestones.Where(m => m.TrainingId == id).Select(m => m.LearnerId))
            .Union(db.AssignmentGrades.Where(g => g.TrainingId == id).Select(g => g.LearnerId));
        var participants = await (
                from learnerId in learnerIds
                where learnerId != null
                join l in db.Learners on learnerId equals l.Id into learners
                from l in learners.DefaultIfEmpty()
                let finished = db.Completions
                    .Where(c => c.TrainingId == id && c.Kind == CompletionKind.Training && c.LearnerId == learnerId)
                    .OrderByDescending(c => c.FinishedAt)
                    .FirstOrDefault()
                orderby l!.Name, learnerId
                select new Participant(learnerId!, l.Name, l.Email, finished!.FinishedAt, finished.Score))
            .Take(Limit).ToListAsync();

        var completions = await new CompletionFilter().Query(db).Where(c => c.TrainingId == id)
            .Take(Limit).ToListAsync();
        return new TrainingStory(training, figures, participants, completions);
    }
}
