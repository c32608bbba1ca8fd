using System.Collections.Frozen;

namespace PluvoDashboard.Events;

/// <summary>The groups of Pluvo events that share a subject and a payload shape.</summary>
public enum EventFamily
{
    Unknown,
    Training,
    User,
    Group,
    ModuleGroup,
    PortfolioItem,
    CourseFinished,
    TrainingFinished,
    AssignmentGrade,
    OfferEvent,
}

/// <summary>Every event type Pluvo is known to send, and the family each belongs to.</summary>
public static class EventCatalog
{
    private static readonly FrozenDictionary<string, EventFamily> FamilyByType =
        new Dictionary<string, EventFamily>(StringComparer.Ordinal)
        {
            ["TRAINING_CREATED"] = EventFamily.Training,
            ["TRAINING_UPDATED"] = EventFamily.Training,
            ["TRAINING_DELETED"] = EventFamily.Training,
            ["USER_CREATED"] = EventFamily.User,
            ["USER_UPDATED"] = EventFamily.User,
            ["USER_DELETED"] = EventFamily.User,
            ["GROUP_CREATED"] = EventFamily.Group,
            ["GROUP_UPDATED"] = EventFamily.Group,
            ["GROUP_DELETED"] = EventFamily.Group,
            ["EVENT_CONDITIONS_FULFILLED"] = EventFamily.ModuleGroup,
            ["EVENT_FILE_UPLOADED"] = EventFamily.ModuleGroup,
            ["EVENT_CERTIFICATE_ACHIEVED"] = EventFamily.ModuleGroup,
            ["PORTFOLIO_ITEM_CREATED"] = EventFamily.PortfolioItem,
            ["PORTFOLIO_ITEM_UPDATED"] = EventFamily.PortfolioItem,
            ["PORTFOLIO_ITEM_DELETED"] = EventFamily.PortfolioItem,
            ["COURSE_FINISHED"] = EventFamily.CourseFinished,
            ["TRAINING_FINISHED"] = EventFamily.TrainingFinished,
            ["ASSIGNMENT_GRADE_UPDATE"] = EventFamily.AssignmentGrade,
            ["OFFER_EVENT_ENROLLED"] = EventFamily.OfferEvent,
            ["OFFER_EVENT_ENROLLMENT_STATUS_UPDATED"] = EventFamily.OfferEvent,
            ["OFFER_EVENT_UNENROLLED"] = EventFamily.OfferEvent,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The known event types, sorted by name.</summary>
    public static IReadOnlyList<string> KnownTypes { get; } = [.. FamilyByType.Keys.Order(StringComparer.Ordinal)];

    public static bool IsKnown(string eventType) => FamilyByType.ContainsKey(eventType);

    /// <summary>The family of an event type; <see cref="EventFamily.Unknown"/> for types not listed.</summary>
    public static EventFamily FamilyOf(string? eventType) =>
        eventType is not null && FamilyByType.TryGetValue(eventType, out var family) ? family : EventFamily.Unknown;
}
