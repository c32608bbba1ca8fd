using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Components.Pages.Grades;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.ReadModels;

namespace PluvoDashboard.Components.Pages.Learners;

/// <summary>A milestone with the title of its training.</summary>
public sealed record LearnerMilestone(Milestone Milestone, string? TrainingTitle);

/// <summary>
/// Everything the read models know about one learner, for their page. Each list holds at most
/// <see cref="Limit"/> rows, newest first; the list pages hold the rest.
/// </summary>
public sealed record LearnerStory(
    Learner Learner,
    List<Enrolment> Enrolments,
    List<LearnerMilestone> Milestones,
    List<Completion> Completions,
    int CompletionCount,
    List<GradeRow> Grades,
    List<PortfolioItem> Portfolio)
{
    public const int Limit = 100;

    /// <summary>The learner's story, or null for a learner no event has named.</summary>
    public static async Task<LearnerStory?> LoadAsync(PluvoDbContext db, string id)
    {
        var learner = await db.Learners.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id);
        if (learner is null)
        {
            return null;
        }

        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.LearnerId == id)
            .OrderByDescending(e => e.LastSentDate).Take(Limit).ToListAsync();
        var milestones = await (
                from m in db.Milestones.AsNoTracking().Where(m => m.LearnerId == id)
                join t in db.Trainings on m.TrainingId equals t.Id into trainings
                from t in trainings.DefaultIfEmpty()
                orderby m.SentDate descending, m.EventId descending
                select new LearnerMilestone(m, t!.Title))
            .Take(Limit).ToListAsync();
        var completions = db.Completions.AsNoTracking().Where(c => c.LearnerId == id);
        var completionCount = await completions.CountAsync();
        var latest = await completions.OrderByDescending(c => c.FinishedAt).ThenByDescending(c => c.EventId)
            .Take(Limit).ToListAsync();
        var grades = await new GradeFilter { LearnerId = id }.Query(db).Take(Limit).ToListAsync();
        var portfolio = await db.PortfolioItems.AsNoTracking().Where(p => p.LearnerId == id)
            .OrderByDescending(p => p.LastSentDate).Take(Limit).ToListAsync();
        return new LearnerStory(learner, enrolments, milestones, latest, completionCount, grades, portfolio);
    }
}
