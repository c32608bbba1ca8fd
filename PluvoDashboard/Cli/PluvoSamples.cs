using PluvoDashboard.Events;

namespace PluvoDashboard.Cli;

/// <summary>One realistic body for any known event type, for sending a single delivery by hand.</summary>
public static class PluvoSamples
{
    /// <summary>The known event type with this name in any letter case; null when there is none.</summary>
    public static string? KnownType(string name) =>
        EventCatalog.KnownTypes.FirstOrDefault(t => t.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="ArgumentException">The type is not one of the known types.</exception>
    public static byte[] For(string eventType, Random random, DateTimeOffset sentDate)
    {
        var offerNumber = random.Next(1, 500);
        var today = DateOnly.FromDateTime(sentDate.UtcDateTime);
        var plan = TrainingPlan.Invent(random, random.Next(10), today.AddDays(-14), ref offerNumber);
        var learner = SampleRecords.Learner(random, random.Next(1, 5_000));
        return EventCatalog.FamilyOf(eventType) switch
        {
            EventFamily.Training => PluvoEventFactory.TrainingEvent(eventType, plan.Training, sentDate),
            EventFamily.User => PluvoEventFactory.UserEvent(eventType, learner, sentDate),
            EventFamily.Group =>
                PluvoEventFactory.GroupEvent(eventType, SampleRecords.Group(random, 1), sentDate),
            EventFamily.ModuleGroup => ModuleGroupSample(eventType, plan, learner, random, sentDate),
            EventFamily.PortfolioItem => PluvoEventFactory.PortfolioItemEvent(
                eventType, SampleRecords.PortfolioItem(random, learner, sentDate), sentDate),
            EventFamily.CourseFinished => PluvoEventFactory.CourseFinished(
                random.NextUuid(), plan.Courses[0], learner, random.Next(55, 101),
                TimeSpan.FromMinutes(random.Next(10, 300)), sentDate),
            EventFamily.TrainingFinished => PluvoEventFactory.TrainingFinished(
                random.NextUuid(), plan.Training, learner, random.Next(3) == 0 ? null : random.Next(60, 101),
                sentDate.AddDays(-random.Next(7, 60)), sentDate),
            EventFamily.AssignmentGrade => PluvoEventFactory.AssignmentGradeUpdate(
                random.NextUuid(), plan.Assignments[0], learner, new Grade(7.5, true, "graded"), sentDate),
            EventFamily.OfferEvent => PluvoEventFactory.OfferEventEvent(
                eventType, random.NextUuid(), plan.Offers[0], learner, OfferStatus(eventType), sentDate),
            _ => throw new ArgumentException($"'{eventType}' is not a known Pluvo event type.", nameof(eventType)),
        };
    }

    private static byte[] ModuleGroupSample(
        string eventType,
        TrainingPlan plan,
        Learner learner,
        Random random,
        DateTimeOffset sentDate)
    {
        var file = eventType switch
        {
            "EVENT_FILE_UPLOADED" => SampleRecords.UploadedFile(random),
            "EVENT_CERTIFICATE_ACHIEVED" => SampleRecords.Certificate(random),
            _ => null,
        };
        return PluvoEventFactory.ModuleGroupEvent(eventType, plan.ModuleGroups[1], learner, file, sentDate);
    }

    private static string OfferStatus(string eventType) => eventType switch
    {
        "OFFER_EVENT_UNENROLLED" => "UNENROLLED",
        "OFFER_EVENT_ENROLLMENT_STATUS_UPDATED" => "PRESENT",
        _ => "ENROLLED",
    };
}
