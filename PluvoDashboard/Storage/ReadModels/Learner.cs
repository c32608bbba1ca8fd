namespace PluvoDashboard.Storage.ReadModels;

/// <summary>A Pluvo user as the newest event about them describes them, keyed by Pluvo's user id.</summary>
public sealed class Learner : ISubjectRow
{
    public string Id { get; set; } = "";

    public string? Ref { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public bool? IsActive { get; set; }

    public string? AfasPersonId { get; set; }

    public string? AfasEmployeeId { get; set; }

    /// <summary>The organisation's own fields as a JSON object of name to text.</summary>
    public string? ExtraFields { get; set; }

    public DateTimeOffset LastSentDate { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
