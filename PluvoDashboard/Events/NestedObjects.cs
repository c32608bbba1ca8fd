using System.Text.Json;

namespace PluvoDashboard.Events;

// The smaller objects Pluvo nests in a payload. Each can arrive partial, so every field may be missing.

/// <summary>An e-learning course, nested as <c>course</c> in <c>COURSE_FINISHED</c>.</summary>
public sealed record PluvoCourse
{
    public string? Id { get; init; }

    public string? Ref { get; init; }

    public string? Title { get; init; }

    /// <summary>The training the course belongs to, when Pluvo names it.</summary>
    public string? TrainingId { get; init; }

    internal static PluvoCourse From(PayloadFields course) => new()
    {
        Id = course.Text("id"),
        Ref = course.Text("ref"),
        Title = course.Text("title"),
        TrainingId = course.Text("training_id"),
    };
}

/// <summary>
/// A module group: one step of a training's learning path. Pluvo calls it an event, which is why an
/// assignment nests it under <c>event</c>.
/// </summary>
public sealed record PluvoModuleGroup
{
    public string? Id { get; init; }

    public string? Ref { get; init; }

    public string? Title { get; init; }

    public PluvoTraining? Training { get; init; }

    internal static PluvoModuleGroup From(PayloadFields moduleGroup) => new()
    {
        Id = moduleGroup.Text("id"),
        Ref = moduleGroup.Text("ref"),
        Title = moduleGroup.Text("title"),
        Training = moduleGroup.Nested("training", PluvoTraining.From),
    };
}

/// <summary>A graded assignment, nested as <c>assignment</c> in <c>ASSIGNMENT_GRADE_UPDATE</c>.</summary>
public sealed record PluvoAssignment
{
    public string? Id { get; init; }

    /// <summary>The module group the assignment is part of: Pluvo's <c>event</c> field.</summary>
    public PluvoModuleGroup? ModuleGroup { get; init; }

    /// <summary>Who hands it in, e.g. <c>participant</c> or <c>group</c>.</summary>
    public string? AssignmentType { get; init; }

    /// <summary>How it is graded, e.g. <c>numeral</c> or <c>percentage</c>.</summary>
    public string? ScoreType { get; init; }

    public decimal? Weight { get; init; }

    internal static PluvoAssignment From(PayloadFields assignment) => new()
    {
        Id = assignment.Text("id"),
        ModuleGroup = assignment.Nested("event", PluvoModuleGroup.From),
        AssignmentType = assignment.Text("assignment_type"),
        ScoreType = assignment.Text("score_type"),
        Weight = assignment.Number("weight"),
    };
}

/// <summary>A session learners enrol in, such as a classroom day, nested as <c>offer_event</c>.</summary>
public sealed record PluvoOfferEvent
{
    public string? Id { get; init; }

    public string? Ref { get; init; }

    public string? Title { get; init; }

    /// <summary>Pluvo sends the price as text (<c>"149.50"</c>); a number is accepted as well.</summary>
    public decimal? Price { get; init; }

    /// <summary>How many learners may enrol; null when there is no limit or it was not sent.</summary>
    public int? MaxSubscriptions { get; init; }

    public bool? Cancelled { get; init; }

    /// <summary>The kind of session, e.g. <c>CLASSROOM</c> or <c>WEBINAR</c>.</summary>
    public string? Kind { get; init; }

    internal static PluvoOfferEvent From(PayloadFields offer) => new()
    {
        Id = offer.Text("id"),
        Ref = offer.Text("ref"),
        Title = offer.Text("title"),
        Price = offer.Number("price"),
        MaxSubscriptions = offer.WholeNumber("max_subscriptions"),
        Cancelled = offer.Flag("cancelled"),
        Kind = offer.Text("kind"),
    };
}

/// <summary>
/// A condition that unlocked a module group, such as <c>AbsoluteDateCondition</c> with its <c>date</c>. Other
/// kinds carry other fields; those are kept in <see cref="OtherFields"/> rather than guessed at.
/// </summary>
public sealed record ModuleGroupCondition
{
    public string? Type { get; init; }

    public DateTimeOffset? Date { get; init; }

    /// <summary>The condition's remaining fields, names and values as sent.</summary>
    public IReadOnlyDictionary<string, JsonElement> OtherFields { get; init; } =
        new Dictionary<string, JsonElement>();

    internal static ModuleGroupCondition From(PayloadFields condition) => new()
    {
        Type = condition.Text("type"),
        Date = condition.Moment("date"),
        OtherFields = condition.Others("type", "date"),
    };
}
