namespace PluvoDashboard.Cli;

/// <summary>
/// A training with everything learners meet inside it: its module groups in unlock order, its courses, an
/// assignment in every module group after the introduction, and the offer events to enrol in.
/// </summary>
internal sealed class TrainingPlan
{
    private TrainingPlan(
        Training training,
        List<ModuleGroup> moduleGroups,
        List<Course> courses,
        List<Assignment> assignments,
        List<OfferEvent> offers)
    {
        Training = training;
        ModuleGroups = moduleGroups;
        Courses = courses;
        Assignments = assignments;
        Offers = offers;
    }

    public Training Training { get; private set; }

    public List<ModuleGroup> ModuleGroups { get; private set; }

    public List<Course> Courses { get; private set; }

    public List<Assignment> Assignments { get; private set; }

    public List<OfferEvent> Offers { get; private set; }

    public static TrainingPlan Invent(
        Random random,
        int number,
        DateOnly startsOn,
        ref int offerNumber)
    {
        var training = SampleRecords.Training(random, number, startsOn);
        var opensAt = new DateTimeOffset(startsOn.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        var moduleGroups = Enumerable.Range(0, random.Next(3, 6))
            .Select(step => SampleRecords.ModuleGroup(random, training, step, opensAt.AddDays(7 * step)))
            .ToList();
        var courses = Enumerable.Range(0, random.Next(1, 4))
            .Select(step => SampleRecords.Course(random, training, step))
            .ToList();
        var assignments = moduleGroups.Skip(1)
            .Select(group => SampleRecords.Assignment(random, group))
            .ToList();
        var offers = new List<OfferEvent>();
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            offers.Add(SampleRecords.OfferEvent(random, training, ++offerNumber));
        }

        // At least one offer event must be open, or nobody could ever enrol.
        offers[0] = offers[0] with { Cancelled = false };
        return new TrainingPlan(training, moduleGroups, courses, assignments, offers);
    }

    /// <summary>Puts an updated training into every record that nests it, so later events show it.</summary>
    public void Update(Training updated)
    {
        Training = updated;
        ModuleGroups = [.. ModuleGroups.Select(m => m with { Training = updated })];
        Courses = [.. Courses.Select(c => c with { Training = updated })];
        Assignments = [.. Assignments.Select(a => a with { ModuleGroup = ModuleGroupWithId(a.ModuleGroup.Id) })];
        Offers = [.. Offers.Select(o => o with { Training = updated })];
    }

    private ModuleGroup ModuleGroupWithId(string id) => ModuleGroups.First(m => m.Id == id);
}
