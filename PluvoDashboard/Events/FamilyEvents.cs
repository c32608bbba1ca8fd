using System.Text.Json;

namespace PluvoDashboard.Events;

// One record per event family. The subject's id and ref are on PluvoEvent; nested objects are null when
// the body lacks them or sends something that is not an object.

/// <summary><c>TRAINING_CREATED</c>, <c>TRAINING_UPDATED</c>, <c>TRAINING_DELETED</c>.</summary>
public sealed record TrainingEvent : PluvoEvent
{
    /// <summary>The training, read from the top level of the body, where Pluvo puts its fields.</summary>
    public required PluvoTraining Training { get; init; }
}

/// <summary><c>USER_CREATED</c>, <c>USER_UPDATED</c>, <c>USER_DELETED</c>.</summary>
public sealed record UserEvent : PluvoEvent
{
    /// <summary>The user, read from the top level of the body, where Pluvo puts its fields.</summary>
    public required PluvoUser User { get; init; }
}

/// <summary><c>GROUP_CREATED</c>, <c>GROUP_UPDATED</c>, <c>GROUP_DELETED</c>.</summary>
public sealed record GroupEvent : PluvoEvent
{
    public string? Name { get; init; }

    public bool? EnableChat { get; init; }
}

/// <summary>
/// A learning-path milestone: <c>EVENT_CONDITIONS_FULFILLED</c> (a module group unlocked),
/// <c>EVENT_FILE_UPLOADED</c> or <c>EVENT_CERTIFICATE_ACHIEVED</c>. The subject is the module group.
/// </summary>
public sealed record ModuleGroupEvent : PluvoEvent
{
    /// <summary>The module group's title, when Pluvo sends it.</summary>
    public string? Title { get; init; }

    public PluvoUser? User { get; init; }

    public PluvoTraining? Training { get; init; }

    public IReadOnlyList<ModuleGroupCondition> Conditions { get; init; } = [];

    /// <summary>The URL of the uploaded file or the certificate; null for an unlock.</summary>
    public string? File { get; init; }
}

/// <summary>
/// <c>PORTFOLIO_ITEM_CREATED</c>, <c>PORTFOLIO_ITEM_UPDATED</c>, <c>PORTFOLIO_ITEM_DELETED</c>: a learner's own
/// record of something learnt elsewhere. The subject is the portfolio item.
/// </summary>
public sealed record PortfolioItemEvent : PluvoEvent
{
    /// <summary>The learner whose portfolio holds the item.</summary>
    public PluvoUser? User { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    /// <summary>The URLs of the evidence files.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}

/// <summary><c>COURSE_FINISHED</c>: a learner completed a course. The subject is the completion.</summary>
public sealed record CourseFinishedEvent : PluvoEvent
{
    public decimal? Score { get; init; }

    public TimeSpan? TimeSpent { get; init; }

    public PluvoUser? User { get; init; }

    public PluvoCourse? Course { get; init; }

    /// <summary>The outside tool an LTI course ran in, as sent; null for a course Pluvo runs itself.</summary>
    public JsonElement? Lti { get; init; }

    /// <summary>What was finished, e.g. <c>COURSE</c> or <c>LTI</c>.</summary>
    public string? Type { get; init; }
}

/// <summary>
/// <c>TRAINING_FINISHED</c>: a learner completed a whole training. The subject is the completion.
/// </summary>
public sealed record TrainingFinishedEvent : PluvoEvent
{
    /// <summary>Null when the training is not scored.</summary>
    public decimal? Score { get; init; }

    /// <summary>When the learner started the training.</summary>
    public DateTimeOffset? StartDate { get; init; }

    public PluvoUser? User { get; init; }

    public PluvoTraining? Training { get; init; }
}

/// <summary><c>ASSIGNMENT_GRADE_UPDATE</c>: a grade was given or changed. The subject is the grade.</summary>
public sealed record AssignmentGradeEvent : PluvoEvent
{
    public decimal? Score { get; init; }

    /// <summary>Whether the grade passes the assignment; null while that is undecided.</summary>
    public bool? Fulfilled { get; init; }

    /// <summary>Where the grading stands, e.g. <c>open</c> or <c>graded</c>.</summary>
    public string? State { get; init; }

    public PluvoUser? User { get; init; }

    public PluvoAssignment? Assignment { get; init; }
}

/// <summary>
/// <c>OFFER_EVENT_ENROLLED</c>, <c>OFFER_EVENT_ENROLLMENT_STATUS_UPDATED</c>, <c>OFFER_EVENT_UNENROLLED</c>:
/// a learner's enrolment in a scheduled session. The subject is the enrolment.
/// </summary>
public sealed record OfferEventEnrolmentEvent : PluvoEvent
{
    public PluvoUser? User { get; init; }

    /// <summary>The enrolment's status after the event, e.g. <c>ENROLLED</c> or <c>UNENROLLED</c>.</summary>
    public string? Status { get; init; }

    public PluvoOfferEvent? OfferEvent { get; init; }
}
