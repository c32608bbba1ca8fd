namespace PluvoDashboard.Events;

/// <summary>
/// A training (learning path) as a payload describes one: the subject of a <c>TRAINING_*</c> event, or nested
/// as <c>training</c> in the others. Nested copies may be partial, so every field can be missing.
/// </summary>
public sealed record PluvoTraining
{
    public string? Id { get; init; }

    public string? Ref { get; init; }

    public string? Title { get; init; }

    public string? Subtitle { get; init; }

    public string? Introduction { get; init; }

    /// <summary>The first day; a date-time is taken as the day it names in its own offset.</summary>
    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public bool? IsActive { get; init; }

    public bool? ShowParticipants { get; init; }

    public bool? ShowSharedFiles { get; init; }

    public bool? EnableChat { get; init; }

    public IReadOnlyDictionary<string, string?> ExtraFields { get; init; } = new Dictionary<string, string?>();

    internal static PluvoTraining From(PayloadFields training) => new()
    {
        Id = training.Text("id"),
        Ref = training.Text("ref"),
        Title = training.Text("title"),
        Subtitle = training.Text("subtitle"),
        Introduction = training.Text("introduction"),
        StartDate = training.Day("startDate"),
        EndDate = training.Day("endDate"),
        IsActive = training.Flag("isActive"),
        ShowParticipants = training.Flag("showParticipants"),
        ShowSharedFiles = training.Flag("showSharedFiles"),
        EnableChat = training.Flag("enableChat"),
        ExtraFields = training.TextMap("extraFields"),
    };
}
