namespace PluvoDashboard.Storage.ReadModels;

public enum MilestoneKind
{
    Unlocked,
    FileUploaded,
    CertificateAchieved,
}

/// <summary>A step a learner reached in a training's learning path: one row per module-group event.</summary>
public sealed class Milestone : IFromOneEvent
{
    public long Id { get; set; }

    /// <summary>The stored event this row came from; unique, so projecting it again adds nothing.</summary>
    public long EventId { get; set; }

    public MilestoneKind Kind { get; set; }

    public string? LearnerId { get; set; }

    public string? TrainingId { get; set; }

    public string? ModuleGroupId { get; set; }

    public string? ModuleGroupRef { get; set; }

    public string? ModuleGroupTitle { get; set; }

    /// <summary>The conditions that unlocked the module group, as a JSON array.</summary>
    public string Conditions { get; set; } = "[]";

    /// <summary>The uploaded file or the certificate; null for an unlock.</summary>
    public string? FileUrl { get; set; }

    public DateTimeOffset SentDate { get; set; }
}
