namespace PluvoDashboard.Storage.ReadModels;

/// <summary>
/// Where a learner stands with one offer event (a classroom day, a webinar): the newest enrolment event for
/// the pair. Unenrolling is a status, not a delete, since the learner can enrol again.
/// </summary>
public sealed class Enrolment
{
    public string LearnerId { get; set; } = "";

    public string OfferEventId { get; set; } = "";

    /// <summary>Pluvo's id of the enrolment, the subject of its events.</summary>
    public string? EnrolmentId { get; set; }

    /// <summary>E.g. <c>ENROLLED</c> or <c>UNENROLLED</c>.</summary>
    public string? Status { get; set; }

    /// <summary>The type of the newest event, e.g. <c>OFFER_EVENT_UNENROLLED</c>.</summary>
    public string EventType { get; set; } = "";

    public string? OfferRef { get; set; }

    public string? OfferTitle { get; set; }

    /// <summary>The kind of session, e.g. <c>CLASSROOM</c>.</summary>
    public string? OfferKind { get; set; }

    public bool? OfferCancelled { get; set; }

    public DateTimeOffset LastSentDate { get; set; }
}
