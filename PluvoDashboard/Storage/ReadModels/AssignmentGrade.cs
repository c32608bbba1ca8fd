namespace PluvoDashboard.Storage.ReadModels;

/// <summary>
/// One grade update, kept as history; the latest per learner and assignment is the current grade
/// (<see cref="AssignmentGradeQueries.Latest"/>).
/// </summary>
public sealed class AssignmentGrade : IFromOneEvent
{
    public long Id { get; set; }

    /// <summary>The stored event this row came from; unique, so projecting it again adds nothing.</summary>
    public long EventId { get; set; }

    /// <summary>Pluvo's id of the learner's grade, the same across its updates.</summary>
    public string? GradeId { get; set; }

    public string? LearnerId { get; set; }

    public string? AssignmentId { get; set; }

    public string? ModuleGroupId { get; set; }

    public string? ModuleGroupTitle { get; set; }

    public string? TrainingId { get; set; }

    public string? AssignmentType { get; set; }

    public string? ScoreType { get; set; }

    public double? Weight { get; set; }

    public double? Score { get; set; }

    public bool? Fulfilled { get; set; }

    public string? State { get; set; }

    public DateTimeOffset SentDate { get; set; }
}

public static class AssignmentGradeQueries
{
    /// <summary>
    /// The newest grade per learner and assignment; of two with the same sent date, the one stored last, as
    /// live processing would have left it.
    /// </summary>
    public static IQueryable<AssignmentGrade> Latest(this IQueryable<AssignmentGrade> grades) =>
        grades.Where(g => !grades.Any(newer =>
            newer.LearnerId == g.LearnerId
            && newer.AssignmentId == g.AssignmentId
            && (newer.SentDate > g.SentDate || (newer.SentDate == g.SentDate && newer.EventId > g.EventId))));
}
