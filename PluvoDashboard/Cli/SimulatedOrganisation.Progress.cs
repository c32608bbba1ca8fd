namespace PluvoDashboard.Cli;

// How learners move through a training: enrol in one of its offer events, unlock its module groups one by
// one, hand in work, get graded (often several times), finish its courses, finish it and get a certificate.
public sealed partial class SimulatedOrganisation
{
    private const int MostGradeUpdates = 3;

    private const int RandomTries = 32;

    private readonly List<Enrolment> enrolments = [];
    private readonly HashSet<(string LearnerId, TrainingPlan Plan)> enrolled = [];

    /// <summary>
    /// A learner and a plan they are not enrolled in. A few random tries find one almost always; only when they
    /// fail are all pairs listed, so a long simulation does not slow down as its history grows.
    /// </summary>
    private (Learner Learner, TrainingPlan Plan)? PickOpenPair(List<TrainingPlan> openPlans)
    {
        if (learners.Count == 0 || openPlans.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < RandomTries; i++)
        {
            var pair = (Learner: SampleRecords.Pick(random, learners), Plan: SampleRecords.Pick(random, openPlans));
            if (!enrolled.Contains((pair.Learner.Id, pair.Plan)))
            {
                return pair;
            }
        }

        var open = learners
            .SelectMany(l => openPlans.Select(p => (Learner: l, Plan: p)))
            .Where(pair => !enrolled.Contains((pair.Learner.Id, pair.Plan)))
            .ToList();
        return open.Count == 0 ? null : SampleRecords.Pick(random, open);
    }

    private SimulatedDelivery? Enrol()
    {
        var openPlans = plans.Where(p => p.Offers.Any(o => !o.Cancelled)).ToList();
        if (PickOpenPair(openPlans) is not var (learner, plan))
        {
            return null;
        }

        var offer = SampleRecords.Pick(random, plan.Offers.Where(o => !o.Cancelled).ToList());
        var taken = enrolments.Count(e => e.OfferId == offer.Id && e.Status != "WAITING_LIST");
        var sentDate = NextSentDate();
        var enrolment = new Enrolment(random.NextUuid(), learner.Id, plan, offer.Id, sentDate)
        {
            Status = taken >= offer.MaxSubscriptions ? "WAITING_LIST" : "ENROLLED",
        };
        enrolments.Add(enrolment);
        enrolled.Add((learner.Id, plan));
        return OfferDelivery("OFFER_EVENT_ENROLLED", enrolment, enrolment.Status, sentDate);
    }

    private SimulatedDelivery? ChangeEnrolmentStatus()
    {
        if (PickEnrolment(e => e.Status is "WAITING_LIST" or "ENROLLED") is not { } enrolment)
        {
            return null;
        }

        enrolment.Status = enrolment.Status == "WAITING_LIST" ? "ENROLLED" : "PRESENT";
        return OfferDelivery(
            "OFFER_EVENT_ENROLLMENT_STATUS_UPDATED", enrolment, enrolment.Status, NextSentDate());
    }

    /// <summary>Only someone who has not started yet unenrols.</summary>
    private SimulatedDelivery? Unenrol()
    {
        if (PickEnrolment(e => e.Unlocked == 0) is not { } enrolment)
        {
            return null;
        }

        enrolments.Remove(enrolment);
        enrolled.Remove((enrolment.LearnerId, enrolment.Plan));
        return OfferDelivery("OFFER_EVENT_UNENROLLED", enrolment, "UNENROLLED", NextSentDate());
    }

    private SimulatedDelivery? UnlockModuleGroup()
    {
        var enrolment = PickEnrolment(
            e => e.Status != "WAITING_LIST" && e.Unlocked < e.Plan.ModuleGroups.Count);
        if (enrolment is null)
        {
            return null;
        }

        var moduleGroup = enrolment.Plan.ModuleGroups[enrolment.Unlocked++];
        return ModuleGroupDelivery("EVENT_CONDITIONS_FULFILLED", enrolment, moduleGroup, file: null);
    }

    private SimulatedDelivery? UploadFile()
    {
        if (PickEnrolment(e => e.Unlocked >= 2) is not { } enrolment)
        {
            return null;
        }

        var moduleGroup = enrolment.Plan.ModuleGroups[random.Next(1, enrolment.Unlocked)];
        var file = SampleRecords.UploadedFile(random);
        return ModuleGroupDelivery("EVENT_FILE_UPLOADED", enrolment, moduleGroup, file);
    }

    private SimulatedDelivery? AchieveCertificate()
    {
        if (PickEnrolment(e => e.Finished && !e.Certified) is not { } enrolment)
        {
            return null;
        }

        enrolment.Certified = true;
        var lastGroup = enrolment.Plan.ModuleGroups[^1];
        var certificate = SampleRecords.Certificate(random);
        return ModuleGroupDelivery("EVENT_CERTIFICATE_ACHIEVED", enrolment, lastGroup, certificate);
    }

    private SimulatedDelivery? FinishCourse()
    {
        var enrolment = PickEnrolment(e => e.Unlocked >= 1 && e.CoursesFinished < e.Plan.Courses.Count);
        if (enrolment is null)
        {
            return null;
        }

        var course = enrolment.Plan.Courses[enrolment.CoursesFinished++];
        var timeSpent = TimeSpan.FromSeconds(random.Next(300, 2 * 86_400))
            + TimeSpan.FromMicroseconds(random.Next(1_000_000));
        var body = PluvoEventFactory.CourseFinished(random.NextUuid(), course, LearnerOf(enrolment),
            random.Next(55, 101), timeSpent, NextSentDate());
        return Deliver("COURSE_FINISHED", body);
    }

    /// <summary>A grade goes from open to in review to graded, with the score changing on the way.</summary>
    private SimulatedDelivery? GradeAssignment()
    {
        var gradable = enrolments
            .SelectMany(e => e.Plan.Assignments.Select(a => (Enrolment: e, Assignment: a)))
            .Where(p => p.Enrolment.HasUnlocked(p.Assignment.ModuleGroup))
            .Where(p => p.Enrolment.GradeUpdates.GetValueOrDefault(p.Assignment.Id) < MostGradeUpdates)
            .ToList();
        if (gradable.Count == 0)
        {
            return null;
        }

        var (enrolment, assignment) = SampleRecords.Pick(random, gradable);
        var update = enrolment.GradeUpdates.GetValueOrDefault(assignment.Id) + 1;
        enrolment.GradeUpdates[assignment.Id] = update;
        var scale = assignment.ScoreType == "percentage" ? 100.0 : 10.0;
        var grade = update switch
        {
            1 => new Grade(Math.Round(random.NextDouble() * 0.5, 1), null, "open"),
            2 => new Grade(Math.Round(scale * (0.3 + random.NextDouble() * 0.4), 1), null, "in_review"),
            _ => GradeOf(Math.Round(scale * (0.4 + random.NextDouble() * 0.6), 1), scale),
        };

        // A grade keeps its id across updates, as in Pluvo; only score, state and sentDate change.
        if (!enrolment.GradeIds.TryGetValue(assignment.Id, out var gradeId))
        {
            gradeId = random.NextUuid();
            enrolment.GradeIds[assignment.Id] = gradeId;
        }

        var learner = LearnerOf(enrolment);
        return Deliver("ASSIGNMENT_GRADE_UPDATE",
            PluvoEventFactory.AssignmentGradeUpdate(gradeId, assignment, learner, grade, NextSentDate()));
    }

    private static Grade GradeOf(double score, double scale) => new(score, score >= 0.55 * scale, "graded");

    private SimulatedDelivery? FinishTraining()
    {
        var enrolment = PickEnrolment(e => !e.Finished
            && e.CoursesFinished == e.Plan.Courses.Count
            && e.Unlocked == e.Plan.ModuleGroups.Count);
        if (enrolment is null)
        {
            return null;
        }

        enrolment.Finished = true;
        double? score = random.Next(4) == 0 ? null : random.Next(60, 101);
        var body = PluvoEventFactory.TrainingFinished(random.NextUuid(), enrolment.Plan.Training,
            LearnerOf(enrolment), score, enrolment.StartedAt, NextSentDate());
        return Deliver("TRAINING_FINISHED", body);
    }

    private Enrolment? PickEnrolment(Func<Enrolment, bool> applies)
    {
        // As for new enrolments: random tries first, the full list only when they all miss.
        for (var i = 0; i < RandomTries && enrolments.Count > 0; i++)
        {
            var enrolment = enrolments[random.Next(enrolments.Count)];
            if (applies(enrolment))
            {
                return enrolment;
            }
        }

        var candidates = enrolments.Where(applies).ToList();
        return candidates.Count == 0 ? null : SampleRecords.Pick(random, candidates);
    }

    private Learner LearnerOf(Enrolment enrolment) => learners.First(l => l.Id == enrolment.LearnerId);

    private SimulatedDelivery OfferDelivery(
        string eventType,
        Enrolment enrolment,
        string status,
        DateTimeOffset sentDate)
    {
        var offer = enrolment.Plan.Offers.First(o => o.Id == enrolment.OfferId);
        var learner = LearnerOf(enrolment);
        return Deliver(eventType,
            PluvoEventFactory.OfferEventEvent(eventType, enrolment.Id, offer, learner, status, sentDate));
    }

    private SimulatedDelivery ModuleGroupDelivery(
        string eventType,
        Enrolment enrolment,
        ModuleGroup group,
        string? file) =>
        Deliver(eventType,
            PluvoEventFactory.ModuleGroupEvent(eventType, group, LearnerOf(enrolment), file, NextSentDate()));

    /// <summary>A learner's place in a training and how far they got.</summary>
    private sealed class Enrolment(
        string id,
        string learnerId,
        TrainingPlan plan,
        string offerId,
        DateTimeOffset startedAt)
    {
        public string Id { get; } = id;

        public string LearnerId { get; } = learnerId;

        public TrainingPlan Plan { get; } = plan;

        public string OfferId { get; } = offerId;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public string Status { get; set; } = "ENROLLED";

        public int Unlocked { get; set; }

        public int CoursesFinished { get; set; }

        public bool Finished { get; set; }

        public bool Certified { get; set; }

        /// <summary>How many times each assignment's grade was sent.</summary>
        public Dictionary<string, int> GradeUpdates { get; } = [];

        /// <summary>The id of the learner's grade for each assignment graded so far.</summary>
        public Dictionary<string, string> GradeIds { get; } = [];

        public bool HasUnlocked(ModuleGroup group) =>
            Unlocked > Plan.ModuleGroups.FindIndex(m => m.Id == group.Id);
    }
}
