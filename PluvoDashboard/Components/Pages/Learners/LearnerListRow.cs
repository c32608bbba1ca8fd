namespace PluvoDashboard.Components.Pages.Learners;

/// <summary>One learner in the learners list, with how many completions they have.</summary>
public sealed record LearnerListRow(
    string Id,
    string? Name,
    string? Email,
    string? Ref,
    bool? IsActive,
    bool IsDeleted,
    int Completions,
    DateTimeOffset LastSentDate);
