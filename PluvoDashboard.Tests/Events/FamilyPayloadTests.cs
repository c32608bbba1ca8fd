using System.Text.Json;
using PluvoDashboard.Cli;
using PluvoDashboard.Events;

namespace PluvoDashboard.Tests.Events;

/// <summary>Bodies built by the app's own factory from known records, read back field by field.</summary>
public sealed class FamilyPayloadTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 3, 2, 8, 30, 0, 250, TimeSpan.Zero);

    private static readonly Learner Zoe = new(
        "0c6f3b1e-7d1a-4c2e-9f51-2d4f1b8e9a01", "MDW-00042", "Zoë Öztürk", "zoe.ozturk42@example.com",
        IsActive: true, AfasPersonId: "51234", AfasEmployeeId: null,
        new Dictionary<string, string> { ["Afdeling"] = "Zorg", ["Locatie"] = "Zwolle" });

    private static readonly Training FireSafety = new(
        "5b0e2a47-13c4-4d8e-a1f6-8c2b7e4d9f10", "TR-2026-001", "Brandveiligheid", "Basiskennis",
        "Brand voorkomen en veilig ontruimen.", new DateOnly(2026, 1, 5), EndDate: null,
        IsActive: true, ShowParticipants: false, ShowSharedFiles: true, EnableChat: true,
        new Dictionary<string, string> { ["Kostenplaats"] = "KP-310" });

    private static readonly ModuleGroup Theory = new(
        "9e3d5c21-4b6a-4f0e-8d27-1a5c3e9b7f42", "TR-2026-001-M2", "Theorie", FireSafety,
        new DateTimeOffset(2026, 1, 12, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AUserEventCarriesTheUserFromTheTopLevel()
    {
        var parsed = Parsing.As<UserEvent>(PluvoEventFactory.UserEvent("USER_UPDATED", Zoe, SentAt));

        Assert.Equal("USER_UPDATED", parsed.EventType);
        Assert.Equal(EventFamily.User, parsed.Family);
        Assert.Equal(Zoe.Id, parsed.SubjectId);
        Assert.Equal("MDW-00042", parsed.SubjectRef);
        Assert.Equal((Zoe.Id, "MDW-00042", "Zoë Öztürk", "zoe.ozturk42@example.com"),
            (parsed.User.Id, parsed.User.Ref, parsed.User.Name, parsed.User.Email));
        Assert.True(parsed.User.IsActive);
        Assert.Equal("51234", parsed.User.AfasPersonId);
        Assert.Null(parsed.User.AfasEmployeeId);
        Assert.Equal(
            new Dictionary<string, string?> { ["Afdeling"] = "Zorg", ["Locatie"] = "Zwolle" },
            parsed.User.ExtraFields);
    }

    [Fact]
    public void ATrainingEventCarriesEveryTrainingField()
    {
        var body = PluvoEventFactory.TrainingEvent("TRAINING_CREATED", FireSafety, SentAt);

        var training = Parsing.As<TrainingEvent>(body).Training;

        Assert.Equal(FireSafety.Id, training.Id);
        Assert.Equal("TR-2026-001", training.Ref);
        Assert.Equal("Brandveiligheid", training.Title);
        Assert.Equal("Basiskennis", training.Subtitle);
        Assert.Equal("Brand voorkomen en veilig ontruimen.", training.Introduction);
        Assert.Equal(new DateOnly(2026, 1, 5), training.StartDate);
        Assert.Null(training.EndDate);
        Assert.Equal(
            new bool?[] { true, false, true, true },
            [training.IsActive, training.ShowParticipants, training.ShowSharedFiles, training.EnableChat]);
        Assert.Equal("KP-310", training.ExtraFields["Kostenplaats"]);
    }

    [Fact]
    public void AGroupEventCarriesNameAndChat()
    {
        var group = new LearnerGroup("grp-1", "GRP-001", "Team Zorg Utrecht", EnableChat: true);

        var parsed = Parsing.As<GroupEvent>(PluvoEventFactory.GroupEvent("GROUP_CREATED", group, SentAt));

        Assert.Equal(("grp-1", "GRP-001", "Team Zorg Utrecht", true),
            (parsed.SubjectId, parsed.SubjectRef, parsed.Name, parsed.EnableChat));
    }

    [Fact]
    public void AModuleGroupEventCarriesLearnerTrainingConditionsAndFile()
    {
        const string File = "https://files.pluvo.example.com/uploads/1/reflectieverslag.pdf";
        var body = PluvoEventFactory.ModuleGroupEvent("EVENT_FILE_UPLOADED", Theory, Zoe, File, SentAt);

        var parsed = Parsing.As<ModuleGroupEvent>(body);

        Assert.Equal(("TR-2026-001-M2", "Theorie", File), (parsed.SubjectRef, parsed.Title, parsed.File));
        Assert.Equal(Zoe.Email, parsed.User?.Email);
        Assert.Equal("Brandveiligheid", parsed.Training?.Title);
        var condition = Assert.Single(parsed.Conditions);
        Assert.Equal("AbsoluteDateCondition", condition.Type);
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 8, 0, 0, TimeSpan.Zero), condition.Date);
        Assert.Empty(condition.OtherFields);
    }

    [Fact]
    public void APortfolioItemEventKeepsItsDatesWithTheirOffsetAndItsFiles()
    {
        var start = new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);
        var item = new PortfolioItem("pf-1", "PF-pf1", Zoe, "Congres Zorg", "Twee dagen lezingen.",
            start, start.AddHours(8), ["https://files.pluvo.example.com/portfolio/pf-1/bewijs.pdf"]);

        var parsed = Parsing.As<PortfolioItemEvent>(
            PluvoEventFactory.PortfolioItemEvent("PORTFOLIO_ITEM_CREATED", item, SentAt));

        Assert.Equal(("pf-1", "Congres Zorg", "Twee dagen lezingen."),
            (parsed.SubjectId, parsed.Title, parsed.Description));
        Assert.Equal(start, parsed.StartDate);
        Assert.Equal(TimeSpan.FromHours(1), parsed.StartDate?.Offset);
        Assert.Equal(start.AddHours(8), parsed.EndDate);
        Assert.Equal(item.Files, parsed.Files);
        Assert.Equal(Zoe.Id, parsed.User?.Id);
    }

    [Fact]
    public void ACourseFinishedEventCarriesScoreTimeSpentCourseAndLti()
    {
        var lti = new LtiTool("lti-7", "GoodHabitz", "https://lti.goodhabitz.example.com/launch");
        var course = new Course("course-3", "TR-2026-001-C1", "E-learning Brandveiligheid", FireSafety, lti);
        var spent = new TimeSpan(1, 2, 3, 4, 500);

        var parsed = Parsing.As<CourseFinishedEvent>(
            PluvoEventFactory.CourseFinished("completion-9", course, Zoe, 87.5, spent, SentAt));

        Assert.Equal(("completion-9", 87.5m, "LTI"), (parsed.SubjectId, parsed.Score, parsed.Type));
        Assert.Equal(spent, parsed.TimeSpent);
        Assert.Equal(
            new PluvoCourse
            {
                Id = "course-3", Ref = "TR-2026-001-C1", Title = "E-learning Brandveiligheid",
                TrainingId = FireSafety.Id,
            },
            parsed.Course);
        Assert.Equal(
            "https://lti.goodhabitz.example.com/launch", parsed.Lti?.GetProperty("launch_url").GetString());
        Assert.Null(parsed.SubjectRef);
    }

    [Fact]
    public void ACourseRunByPluvoItselfHasNoLti()
    {
        var course = new Course("course-4", "TR-2026-001-C2", "Kennistoets", FireSafety, Lti: null);

        var body = PluvoEventFactory.CourseFinished(
            "completion-10", course, Zoe, 60, TimeSpan.FromMinutes(95), SentAt);

        var parsed = Parsing.As<CourseFinishedEvent>(body);

        Assert.Null(parsed.Lti);
        Assert.Equal("COURSE", parsed.Type);
        Assert.Equal(TimeSpan.FromMinutes(95), parsed.TimeSpent);
    }

    [Fact]
    public void ATrainingFinishedEventWithoutAScoreReadsAsUnscored()
    {
        var started = new DateTimeOffset(2026, 1, 6, 7, 45, 0, TimeSpan.Zero);

        var parsed = Parsing.As<TrainingFinishedEvent>(
            PluvoEventFactory.TrainingFinished("completion-11", FireSafety, Zoe, null, started, SentAt));

        Assert.Null(parsed.Score);
        Assert.Equal(started, parsed.StartDate);
        Assert.Equal(FireSafety.Id, parsed.Training?.Id);
        Assert.Equal(Zoe.Ref, parsed.User?.Ref);
    }

    [Fact]
    public void AnAssignmentGradeEventCarriesTheGradeAndTheAssignmentsModuleGroup()
    {
        var assignment = new Assignment("assignment-2", Theory, "participant", "numeral", 25);

        var parsed = Parsing.As<AssignmentGradeEvent>(PluvoEventFactory.AssignmentGradeUpdate(
            "grade-5", assignment, Zoe, new Grade(7.5, Fulfilled: true, "graded"), SentAt));

        Assert.Equal(("grade-5", 7.5m, true, "graded"),
            (parsed.SubjectId, parsed.Score, parsed.Fulfilled, parsed.State));
        Assert.Equal(("assignment-2", "participant", "numeral", 25m),
            (parsed.Assignment?.Id, parsed.Assignment?.AssignmentType, parsed.Assignment?.ScoreType,
                parsed.Assignment?.Weight));
        var moduleGroup = parsed.Assignment?.ModuleGroup;
        Assert.Equal((Theory.Id, "TR-2026-001-M2", "Theorie"),
            (moduleGroup?.Id, moduleGroup?.Ref, moduleGroup?.Title));
        Assert.Equal("Brandveiligheid", moduleGroup?.Training?.Title);
    }

    [Fact]
    public void AnOfferEventEnrolmentReadsThePriceSentAsText()
    {
        var offer = new OfferEvent("offer-8", "OE-0008", "Brandveiligheid – Zwolle, 5 januari", FireSafety,
            149.50m, MaxSubscriptions: 12, Cancelled: false, "CLASSROOM");

        var parsed = Parsing.As<OfferEventEnrolmentEvent>(PluvoEventFactory.OfferEventEvent(
            "OFFER_EVENT_ENROLLED", "enrolment-4", offer, Zoe, "ENROLLED", SentAt));

        Assert.Equal(("enrolment-4", "ENROLLED"), (parsed.SubjectId, parsed.Status));
        Assert.Equal(
            new PluvoOfferEvent
            {
                Id = "offer-8", Ref = "OE-0008", Title = "Brandveiligheid – Zwolle, 5 januari",
                Price = 149.50m, MaxSubscriptions = 12, Cancelled = false, Kind = "CLASSROOM",
            },
            parsed.OfferEvent);
        Assert.Equal(Zoe.Name, parsed.User?.Name);
    }

    [Fact]
    public void KeptObjectsOutliveTheBodyTheyCameFrom()
    {
        var course = new Course("course-5", "C5", "Studytube", FireSafety,
            new LtiTool("lti-8", "Studytube", "https://lti.studytube.example.com/launch"));
        var body = PluvoEventFactory.CourseFinished("completion-12", course, Zoe, 70, TimeSpan.Zero, SentAt);

        var parsed = Parsing.As<CourseFinishedEvent>(body);
        Array.Clear(body);

        Assert.Equal(JsonValueKind.Object, parsed.Lti?.ValueKind);
        Assert.Equal("Studytube", parsed.Lti?.GetProperty("title").GetString());
    }
}
