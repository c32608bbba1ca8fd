namespace PluvoDashboard.Storage.ReadModels;

/// <summary>A group of learners, keyed by Pluvo's group id.</summary>
public sealed class Group : ISubjectRow
{
    public string Id { get; set; } = "";

    public string? Ref { get; set; }

    public string? Name { get; set; }

    public bool? EnableChat { get; set; }

    public DateTimeOffset LastSentDate { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
