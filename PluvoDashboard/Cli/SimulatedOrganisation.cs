namespace PluvoDashboard.Cli;

/// <summary>
/// A made-up organisation on Pluvo whose daily life becomes a stream of webhook bodies: trainings and groups
/// exist first, learners are created before anything mentions them, then they enrol, unlock module groups,
/// upload work, get graded, finish courses and trainings, and keep a portfolio. Ids stay consistent across
/// events. Every body differs from every other: sent dates rise by at least a millisecond each time.
/// </summary>
/// <remarks>Not thread-safe: one caller draws the stream, others may post what it drew.</remarks>
public sealed partial class SimulatedOrganisation
{
    private const int MinimumTrainings = 3;
    private const int MinimumGroups = 2;
    private const int MinimumLearners = 3;
    private const int MaximumLearners = 150;

    private readonly Random random;
    private readonly Func<DateTimeOffset> clock;
    private readonly (int Weight, Func<SimulatedDelivery?> Try)[] happenings;
    private readonly List<TrainingPlan> plans = [];
    private readonly List<LearnerGroup> groups = [];
    private readonly List<Learner> learners = [];
    private readonly List<PortfolioItem> portfolio = [];
    private readonly HashSet<string> deletedLearnerIds = [];
    private DateTimeOffset lastSentDate = DateTimeOffset.MinValue;
    private int learnerNumber;
    private int trainingNumber;
    private int groupNumber;
    private int offerNumber;

    /// <param name="random">The source of every choice; a seed gives the same organisation and stream.</param>
    /// <param name="clock">Gives the next sent date; a clock that stands still still gives rising dates.</param>
    public SimulatedOrganisation(Random random, Func<DateTimeOffset> clock)
    {
        this.random = random;
        this.clock = clock;

        // Relative frequencies of what happens next; progress through trainings dominates, as in Pluvo.
        happenings =
        [
            (12, CreateLearner), (20, Enrol), (5, ChangeEnrolmentStatus), (2, Unenrol),
            (20, UnlockModuleGroup), (10, UploadFile), (12, FinishCourse), (20, GradeAssignment),
            (8, FinishTraining), (8, AchieveCertificate), (6, CreatePortfolioItem), (4, UpdatePortfolioItem),
            (2, DeletePortfolioItem), (4, UpdateLearner), (1, DeleteLearner), (2, CreateTraining),
            (3, UpdateTraining), (2, DeleteTraining), (1, CreateGroup), (2, UpdateGroup), (1, DeleteGroup),
        ];
    }

    /// <summary>The ids of learners that have been deleted; nothing mentions them afterwards.</summary>
    public IReadOnlyCollection<string> DeletedLearnerIds => deletedLearnerIds;

    /// <summary>An endless stream of events; take as many as needed.</summary>
    public IEnumerable<SimulatedDelivery> Stream()
    {
        while (true)
        {
            yield return Next();
        }
    }

    public SimulatedDelivery Next()
    {
        if (plans.Count < MinimumTrainings)
        {
            return CreateTraining()!;
        }

        if (groups.Count < MinimumGroups)
        {
            return CreateGroup()!;
        }

        if (learners.Count < MinimumLearners)
        {
            return CreateLearner()!;
        }

        // Draw until something applicable turns up; what cannot happen now is left out of the next draw.
        var candidates = happenings.ToList();
        while (true)
        {
            var index = PickWeighted(candidates);
            if (candidates[index].Try() is { } delivery)
            {
                return delivery;
            }

            candidates.RemoveAt(index);
        }
    }

    private int PickWeighted(List<(int Weight, Func<SimulatedDelivery?> Try)> candidates)
    {
        var roll = random.Next(candidates.Sum(c => c.Weight));
        for (var i = 0; i < candidates.Count; i++)
        {
            roll -= candidates[i].Weight;
            if (roll < 0)
            {
                return i;
            }
        }

        return candidates.Count - 1;
    }

    /// <summary>The clock's time to the millisecond, but always after the previous sent date.</summary>
    private DateTimeOffset NextSentDate()
    {
        var now = clock().ToUniversalTime();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        lastSentDate = now > lastSentDate ? now : lastSentDate.AddMilliseconds(1);
        return lastSentDate;
    }

    private SimulatedDelivery? CreateLearner()
    {
        if (learners.Count >= MaximumLearners)
        {
            return null;
        }

        var learner = SampleRecords.Learner(random, ++learnerNumber);
        learners.Add(learner);
        return Deliver("USER_CREATED", PluvoEventFactory.UserEvent("USER_CREATED", learner, NextSentDate()));
    }

    private SimulatedDelivery? UpdateLearner()
    {
        var learner = SampleRecords.Pick(random, learners);
        var moved = learner with
        {
            ExtraFields = new Dictionary<string, string>(learner.ExtraFields)
            {
                ["Afdeling"] = SampleRecords.Pick(random, ["Zorg", "Techniek", "HR", "Logistiek"]),
            },
            AfasEmployeeId = learner.AfasEmployeeId ?? $"{random.Next(1, 9_999):D5}",
        };
        learners[learners.IndexOf(learner)] = moved;
        return Deliver("USER_UPDATED", PluvoEventFactory.UserEvent("USER_UPDATED", moved, NextSentDate()));
    }

    /// <summary>A learner leaves; their enrolments and portfolio go too, so nothing mentions them again.</summary>
    private SimulatedDelivery? DeleteLearner()
    {
        if (learners.Count <= MinimumLearners + 2)
        {
            return null;
        }

        var learner = SampleRecords.Pick(random, learners);
        learners.Remove(learner);
        deletedLearnerIds.Add(learner.Id);
        enrolments.RemoveAll(e => e.LearnerId == learner.Id);
        enrolled.RemoveWhere(pair => pair.LearnerId == learner.Id);
        portfolio.RemoveAll(p => p.Learner.Id == learner.Id);
        return Deliver("USER_DELETED", PluvoEventFactory.UserEvent("USER_DELETED", learner, NextSentDate()));
    }

    private SimulatedDelivery? CreateTraining()
    {
        var sentDate = NextSentDate();
        // Trainings that started a while ago, so their module groups' unlock dates have passed.
        var startsOn = DateOnly.FromDateTime(sentDate.UtcDateTime).AddDays(-random.Next(30, 90));
        var plan = TrainingPlan.Invent(random, trainingNumber++, startsOn, ref offerNumber);
        plans.Add(plan);
        return Deliver("TRAINING_CREATED",
            PluvoEventFactory.TrainingEvent("TRAINING_CREATED", plan.Training, sentDate));
    }

    private SimulatedDelivery? UpdateTraining()
    {
        var plan = SampleRecords.Pick(random, plans);
        plan.Update(plan.Training with
        {
            ShowParticipants = !plan.Training.ShowParticipants,
            EndDate = plan.Training.EndDate?.AddDays(7),
        });
        return Deliver("TRAINING_UPDATED",
            PluvoEventFactory.TrainingEvent("TRAINING_UPDATED", plan.Training, NextSentDate()));
    }

    /// <summary>Only a training nobody follows is deleted, as an administrator cleans up a mistake.</summary>
    private SimulatedDelivery? DeleteTraining()
    {
        var unused = plans.Where(p => enrolments.All(e => e.Plan != p)).ToList();
        if (plans.Count <= MinimumTrainings || unused.Count == 0)
        {
            return CreateTraining();
        }

        var plan = SampleRecords.Pick(random, unused);
        plans.Remove(plan);
        return Deliver("TRAINING_DELETED",
            PluvoEventFactory.TrainingEvent("TRAINING_DELETED", plan.Training, NextSentDate()));
    }

    private SimulatedDelivery? CreateGroup()
    {
        var group = SampleRecords.Group(random, ++groupNumber);
        groups.Add(group);
        return Deliver("GROUP_CREATED", PluvoEventFactory.GroupEvent("GROUP_CREATED", group, NextSentDate()));
    }

    private SimulatedDelivery? UpdateGroup()
    {
        var index = random.Next(groups.Count);
        groups[index] = groups[index] with { EnableChat = !groups[index].EnableChat };
        return Deliver("GROUP_UPDATED",
            PluvoEventFactory.GroupEvent("GROUP_UPDATED", groups[index], NextSentDate()));
    }

    private SimulatedDelivery? DeleteGroup()
    {
        if (groups.Count <= MinimumGroups)
        {
            return CreateGroup();
        }

        var group = SampleRecords.Pick(random, groups);
        groups.Remove(group);
        return Deliver("GROUP_DELETED", PluvoEventFactory.GroupEvent("GROUP_DELETED", group, NextSentDate()));
    }

    private SimulatedDelivery? CreatePortfolioItem()
    {
        var learner = SampleRecords.Pick(random, learners);
        var sentDate = NextSentDate();
        var item = SampleRecords.PortfolioItem(random, learner, sentDate);
        portfolio.Add(item);
        return Deliver("PORTFOLIO_ITEM_CREATED",
            PluvoEventFactory.PortfolioItemEvent("PORTFOLIO_ITEM_CREATED", item, sentDate));
    }

    private SimulatedDelivery? UpdatePortfolioItem()
    {
        if (portfolio.Count == 0)
        {
            return null;
        }

        var index = random.Next(portfolio.Count);
        var item = portfolio[index];
        var learner = learners.First(l => l.Id == item.Learner.Id);
        var file = $"{item.Files[0][..item.Files[0].LastIndexOf('/')]}/bijlage-{item.Files.Count + 1}.pdf";
        portfolio[index] = item with { Learner = learner, Files = [.. item.Files, file] };
        return Deliver("PORTFOLIO_ITEM_UPDATED",
            PluvoEventFactory.PortfolioItemEvent("PORTFOLIO_ITEM_UPDATED", portfolio[index], NextSentDate()));
    }

    private SimulatedDelivery? DeletePortfolioItem()
    {
        if (portfolio.Count == 0)
        {
            return null;
        }

        var item = SampleRecords.Pick(random, portfolio);
        portfolio.Remove(item);
        var learner = learners.First(l => l.Id == item.Learner.Id);
        return Deliver("PORTFOLIO_ITEM_DELETED",
            PluvoEventFactory.PortfolioItemEvent("PORTFOLIO_ITEM_DELETED", item with { Learner = learner },
                NextSentDate()));
    }

    private static SimulatedDelivery Deliver(string eventType, byte[] body) => new(eventType, body);
}
