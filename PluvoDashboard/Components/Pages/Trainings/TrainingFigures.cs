using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.ReadModels;

namespace PluvoDashboard.Components.Pages.Trainings;

/// <summary>
/// A training's participants (learners with a completion, milestone or grade in it), how many finished it
/// (TRAINING_FINISHED) and their average score. Course completions count as taking part, not as finishing.
/// </summary>
public sealed record TrainingFigures(int Participants, int Completions, double? AverageScore)
{
    public static readonly TrainingFigures None = new(0, 0, null);

    /// <summary>The figures of the given trainings, read with one query per read model.</summary>
    public static async Task<Dictionary<string, TrainingFigures>> ForAsync(PluvoDbContext db, List<string> ids)
    {
        var finished = await db.Completions
            .Where(c => c.Kind == CompletionKind.Training && c.TrainingId != null && ids.Contains(c.TrainingId))
            .GroupBy(c => c.TrainingId!)
            .Select(g => new { Id = g.Key, Count = g.Count(), Average = g.Average(c => c.Score) })
            .ToDictionaryAsync(x => x.Id);

        var pairs = await db.Completions.Where(c => c.TrainingId != null && ids.Contains(c.TrainingId))
            .Select(c => new { c.TrainingId, c.LearnerId })
            .Union(db.Milestones.Where(m => m.TrainingId != null && ids.Contains(m.TrainingId))
                .Select(m => new { m.TrainingId, m.LearnerId }))
            .Union(db.AssignmentGrades.Where(g => g.TrainingId != null && ids.Contains(g.TrainingId))
                .Select(g => new { g.TrainingId, g.LearnerId }))
            .Where(p => p.LearnerId != null)
            .GroupBy(p => p.TrainingId!)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count);

        return ids.ToDictionary(id => id, id => new TrainingFigures(
            pairs.GetValueOrDefault(id),
            finished.TryGetValue(id, out var f) ? f.Count : 0,
            finished.TryGetValue(id, out var a) ? a.Average : null));
    }
}
