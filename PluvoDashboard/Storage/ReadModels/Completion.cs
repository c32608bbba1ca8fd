namespace PluvoDashboard.Storage.ReadModels;

public enum CompletionKind
{
    Course,
    Training,
}

/// <summary>A learner finished a course or a whole training: one row per finishing event.</summary>
public sealed class Completion : IFromOneEvent
{
    public long Id { get; set; }

    /// <summary>The stored event this row came from; unique, so projecting it again adds nothing.</summary>
    public long EventId { get; set; }

    public CompletionKind Kind { get; set; }

    /// <summary>Pluvo's id of the completion.</summary>
    public string? CompletionId { get; set; }

    public string? LearnerId { get; set; }

    public string? CourseId { get; set; }

    public string? CourseTitle { get; set; }

    /// <summary>What kind of course, e.g. <c>COURSE</c> or <c>LTI</c>; null for a training.</summary>
    public string? CourseType { get; set; }

    public string? TrainingId { get; set; }

    public string? TrainingTitle { get; set; }

    public double? Score { get; set; }

    public TimeSpan? TimeSpent { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The event's sent date.</summary>
    public DateTimeOffset FinishedAt { get; set; }
}
