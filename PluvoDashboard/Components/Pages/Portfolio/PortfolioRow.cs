namespace PluvoDashboard.Components.Pages.Portfolio;

/// <summary>A portfolio item with its learner's name and e-mail, as the page and the CSV export show it.</summary>
public sealed class PortfolioRow
{
    public string Id { get; init; } = "";

    public string? LearnerId { get; init; }

    public string? LearnerName { get; init; }

    public string? LearnerEmail { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    /// <summary>The file URLs as the stored JSON array.</summary>
    public string Files { get; init; } = "[]";

    public bool IsDeleted { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public DateTimeOffset LastSentDate { get; init; }
}
