namespace PluvoDashboard.Storage.ReadModels;

/// <summary>A learner's record of something learnt elsewhere, as it stands now, keyed by Pluvo's item id.</summary>
public sealed class PortfolioItem : ISubjectRow
{
    public string Id { get; set; } = "";

    public string? Ref { get; set; }

    public string? LearnerId { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset? StartDate { get; set; }

    public DateTimeOffset? EndDate { get; set; }

    /// <summary>The URLs of the evidence files as a JSON array.</summary>
    public string Files { get; set; } = "[]";

    public DateTimeOffset LastSentDate { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
