namespace PluvoDashboard.Components.Pages.Grades;

/// <summary>A grade with its learner's name and e-mail, as the grades page and the CSV export show it.</summary>
public sealed class GradeRow
{
    public long EventId { get; init; }

    public string? GradeId { get; init; }

    public string? LearnerId { get; init; }

    public string? LearnerName { get; init; }

    public string? LearnerEmail { get; init; }

    public string? AssignmentId { get; init; }

    /// <summary>The module group (week, block) the assignment belongs to.</summary>
    public string? ModuleGroupTitle { get; init; }

    public string? TrainingId { get; init; }

    public string? AssignmentType { get; init; }

    public string? ScoreType { get; init; }

    public double? Weight { get; init; }

    public double? Score { get; init; }

    public bool? Fulfilled { get; init; }

    public string? State { get; init; }

    public DateTimeOffset GradedAt { get; init; }
}
