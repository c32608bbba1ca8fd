using PluvoDashboard.Events;

namespace PluvoDashboard.Intake;

/// <summary>
/// The fields of a delivery that are stored in columns for filtering: what happened, to whom, when.
/// The learner and training come from the subject itself for user and training events, and from the
/// nested <c>user</c> and <c>training</c> objects for the others.
/// </summary>
public sealed record Envelope(
    string EventType,
    EventFamily Family,
    string? SubjectId,
    string? SubjectRef,
    DateTimeOffset? SentDate,
    string? UserId,
    string? UserName,
    string? UserEmail,
    string? TrainingId,
    string? TrainingTitle);

/// <summary>What reading the envelope of a body gave: the envelope, or why there is none.</summary>
public readonly record struct EnvelopeResult(Envelope? Envelope, string? Error)
{
    public static EnvelopeResult Unparseable(string error) => new(null, error);
}
