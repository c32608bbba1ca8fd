using PluvoDashboard.Storage.ReadModels;

namespace PluvoDashboard.Components.Pages.Completions;

/// <summary>A completion with its learner's name and e-mail, as the page and the CSV export show it.</summary>
public sealed class CompletionRow
{
    public long EventId { get; init; }

    public CompletionKind Kind { get; init; }

    public string? LearnerId { get; init; }

    public string? LearnerName { get; init; }

    public string? LearnerEmail { get; init; }

    public string? CourseTitle { get; init; }

    public string? TrainingId { get; init; }

    public string? TrainingTitle { get; init; }

    public double? Score { get; init; }

    public TimeSpan? TimeSpent { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>What was finished: the course for a course completion, else the training.</summary>
    public string? Title => Kind == CompletionKind.Course ? CourseTitle : TrainingTitle;
}
