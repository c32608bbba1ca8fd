namespace PluvoDashboard.Components.Pages.Learners;

/// <summary>One learner in the learners list, with how many completions they have.</summary>
public sealed class LearnerListRow
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Ref { get; init; }

    public bool? IsActive { get; init; }

    public bool IsDeleted { get; init; }

    public int Completions { get; init; }

    public DateTimeOffset LastSentDate { get; init; }
}
