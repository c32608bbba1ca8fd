using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage.ReadModels;
using PluvoDashboard.Tests.Support;
using static PluvoDashboard.Tests.ReadModels.PluvoBodies;

namespace PluvoDashboard.Tests.ReadModels;

/// <summary>Each family of events, posted over HTTP, lands in its read model with the fields it carries.</summary>
public sealed class FamilyProjectionTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    private static DateTimeOffset Noon(int day) => new(2026, 11, day, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UserCreatedBecomesALearnerWithEveryField()
    {
        await _app.PostAsync(User("USER_CREATED", "u-1", "Zoë Ñúñez", 3));

        await using var db = _app.CreateDbContext();
        var learner = await db.Learners.SingleAsync();
        Assert.Equal(("u-1", "ref-u-1", "Zoë Ñúñez", "zoe@example.com", true), (learner.Id, learner.Ref,
            learner.Name, learner.Email, learner.IsActive));
        Assert.Equal(("P-1", null), (learner.AfasPersonId, learner.AfasEmployeeId));
        Assert.Equal("""{"Afdeling":"Marketing"}""", learner.ExtraFields);
        Assert.Equal((Noon(3), false, null), (learner.LastSentDate, learner.IsDeleted, learner.DeletedAt));
    }

    [Fact]
    public async Task TrainingCreatedBecomesATraining()
    {
        await _app.PostAsync(Training("TRAINING_CREATED", "t-1", "Safety first", 3));

        await using var db = _app.CreateDbContext();
        var training = await db.Trainings.SingleAsync();
        Assert.Equal(("t-1", "Safety first", "Basics", "Hello"), (training.Id, training.Title, training.Subtitle,
            training.Introduction));
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2027, 6, 30)), (training.StartDate, training.EndDate));
        Assert.Equal((true, false, true, false), (training.IsActive, training.ShowParticipants,
            training.ShowSharedFiles, training.EnableChat));
        Assert.Equal(Noon(3), training.LastSentDate);
    }

    [Fact]
    public async Task GroupDeletedLeavesATombstoneWithTheGroupsName()
    {
        await _app.PostAsync(Group("GROUP_CREATED", "g-1", "Sales", 3));
        await _app.PostAsync(Group("GROUP_DELETED", "g-1", "Sales", 4));

        await using var db = _app.CreateDbContext();
        var group = await db.Groups.SingleAsync();
        Assert.Equal(("g-1", "g-ref", "Sales", true), (group.Id, group.Ref, group.Name, group.EnableChat));
        Assert.Equal((true, Noon(4), Noon(4)), (group.IsDeleted, group.DeletedAt, group.LastSentDate));
    }

    [Fact]
    public async Task PortfolioItemKeepsItsLearnerDatesAndFiles()
    {
        await _app.PostAsync(PortfolioItem("PORTFOLIO_ITEM_CREATED", "p-1", "EHBO", 3));

        await using var db = _app.CreateDbContext();
        var item = await db.PortfolioItems.SingleAsync();
        Assert.Equal(("p-1", "u-1", "EHBO", "First aid course"), (item.Id, item.LearnerId, item.Title,
            item.Description));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), item.StartDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero), item.EndDate);
        Assert.Equal("""["https://files.example/a.pdf"]""", item.Files);
        Assert.Equal("Zoë", (await db.Learners.SingleAsync()).Name);
    }

    [Fact]
    public async Task CourseFinishedBecomesACompletionWithScoreAndTimeSpent()
    {
        var eventId = await _app.PostAsync(CourseFinished("cf-1", NestedUser("u-1", "Zoë"), 5));

        await using var db = _app.CreateDbContext();
        var completion = await db.Completions.SingleAsync();
        Assert.Equal((eventId, CompletionKind.Course, "cf-1", "u-1"), (completion.EventId, completion.Kind,
            completion.CompletionId, completion.LearnerId));
        Assert.Equal(("c-1", "Fire safety", "COURSE", "t-1"), (completion.CourseId, completion.CourseTitle,
            completion.CourseType, completion.TrainingId));
        Assert.Equal((7.5, TimeSpan.FromHours(25), null), (completion.Score, completion.TimeSpent,
            completion.StartedAt));
        Assert.Equal(Noon(5), completion.FinishedAt);
    }

    [Fact]
    public async Task TrainingFinishedBecomesACompletionWithItsStartDateAndNoScore()
    {
        await _app.PostAsync(TrainingFinished("tf-1", 5));

        await using var db = _app.CreateDbContext();
        var completion = await db.Completions.SingleAsync();
        Assert.Equal((CompletionKind.Training, "t-1", "Safety first", null), (completion.Kind,
            completion.TrainingId, completion.TrainingTitle, completion.Score));
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 8, 30, 0, TimeSpan.Zero), completion.StartedAt);
        Assert.Equal(Noon(5), completion.FinishedAt);
        Assert.Equal("Safety first", (await db.Trainings.SingleAsync()).Title);
    }

    [Fact]
    public async Task ModuleGroupEventsBecomeMilestonesOfEachKind()
    {
        await _app.PostAsync(ModuleGroup("EVENT_CONDITIONS_FULFILLED", null, 3));
        await _app.PostAsync(ModuleGroup("EVENT_FILE_UPLOADED", "https://files.example/essay.pdf", 4));
        await _app.PostAsync(ModuleGroup("EVENT_CERTIFICATE_ACHIEVED", "https://files.example/cert.pdf", 5));

        await using var db = _app.CreateDbContext();
        var milestones = await db.Milestones.OrderBy(m => m.SentDate).ToListAsync();
        Assert.Equal([MilestoneKind.Unlocked, MilestoneKind.FileUploaded, MilestoneKind.CertificateAchieved],
            milestones.Select(m => m.Kind));
        Assert.Equal([null, "https://files.example/essay.pdf", "https://files.example/cert.pdf"],
            milestones.Select(m => m.FileUrl));
        var unlocked = milestones[0];
        Assert.Equal(("u-1", "t-1", "mg-1", "mg-ref", "Week 1"), (unlocked.LearnerId, unlocked.TrainingId,
            unlocked.ModuleGroupId, unlocked.ModuleGroupRef, unlocked.ModuleGroupTitle));
        Assert.Equal("""[{"type":"AbsoluteDateCondition","date":"2026-12-01T08:00:00+00:00"}]""",
            unlocked.Conditions);
    }

    [Fact]
    public async Task OfferEventsKeepTheCurrentEnrolmentPerLearnerAndOffer()
    {
        await _app.PostAsync(Offer("OFFER_EVENT_ENROLLED", "ENROLLED", 3));
        await _app.PostAsync(Offer("OFFER_EVENT_UNENROLLED", "UNENROLLED", 5));
        await _app.PostAsync(Offer("OFFER_EVENT_ENROLLMENT_STATUS_UPDATED", "WAITING", 4));

        await using var db = _app.CreateDbContext();
        var enrolment = await db.Enrolments.SingleAsync();
        Assert.Equal(("u-1", "oe-1", "en-1"), (enrolment.LearnerId, enrolment.OfferEventId, enrolment.EnrolmentId));
        Assert.Equal(("UNENROLLED", "OFFER_EVENT_UNENROLLED", Noon(5)), (enrolment.Status, enrolment.EventType,
            enrolment.LastSentDate));
        Assert.Equal(("Classroom day", "CLASSROOM", false), (enrolment.OfferTitle, enrolment.OfferKind,
            enrolment.OfferCancelled));
    }
}
