using System.Globalization;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Events;

/// <summary>
/// Says in words what an event is about, for every event type Pluvo sends: "Zoë Ñúñez finished Brandveiligheid
/// with 87.5". Learners and trainings come out as linkable parts; a missing name falls back to the e-mail, then
/// the ref, then the id, then "someone" or "a training". Numbers are written in the invariant culture.
/// </summary>
public static class EventSentences
{
    private const string Unreadable = "An unreadable delivery";

    /// <summary>A stored event; needs its <see cref="WebhookEvent.RawBody"/>, which holds the details.</summary>
    public static EventDescription Describe(WebhookEvent stored) =>
        stored.Status == EventStatus.Unparseable || string.IsNullOrWhiteSpace(stored.EventType)
            ? Plain(Unreadable)
            : Describe(stored.EventType, stored.RawBody);

    /// <summary>A body as received, read as <paramref name="eventType"/> (or its own <c>event</c> field).</summary>
    public static EventDescription Describe(string? eventType, ReadOnlySpan<byte> rawBody)
    {
        var parsed = PluvoEventParser.Parse(eventType, rawBody);
        if (parsed.Succeeded)
        {
            return Describe(parsed.Event);
        }

        return string.IsNullOrWhiteSpace(eventType)
            ? Plain(Unreadable)
            : Plain($"An unreadable {eventType} delivery");
    }

    public static EventDescription Describe(PluvoEvent pluvoEvent)
    {
        var sentence = new SentenceBuilder();
        switch (pluvoEvent)
        {
            case TrainingEvent e:
                DescribeTraining(sentence, e);
                break;
            case UserEvent e:
                DescribeUser(sentence, e);
                break;
            case GroupEvent e:
                DescribeGroup(sentence, e);
                break;
            case ModuleGroupEvent e:
                DescribeMilestone(sentence, e);
                break;
            case PortfolioItemEvent e:
                DescribePortfolioItem(sentence, e);
                break;
            case CourseFinishedEvent e:
                DescribeCourseFinished(sentence, e);
                break;
            case TrainingFinishedEvent e:
                sentence.Learner(e.User).Words(" completed ").Training(e.Training, "the training ")
                    .Words(WithScore(e.Score));
                break;
            case AssignmentGradeEvent e:
                DescribeGrade(sentence, e);
                break;
            case OfferEventEnrolmentEvent e:
                DescribeEnrolment(sentence, e);
                break;
            default:
                sentence.Words($"Pluvo sent {pluvoEvent.EventType}");
                break;
        }

        return sentence.Build();
    }

    private static void DescribeTraining(SentenceBuilder sentence, TrainingEvent e)
    {
        sentence.Subject("training", SentencePartKind.Training, e.Training.Id, e.Training.Title, e.Training.Ref);
        sentence.Words(e.EventType switch
        {
            "TRAINING_CREATED" => " was created",
            "TRAINING_DELETED" => " was deleted",
            _ => " was updated",
        });
    }

    private static void DescribeUser(SentenceBuilder sentence, UserEvent e)
    {
        sentence.Learner(e.User);
        sentence.Words(e.EventType switch
        {
            "USER_CREATED" => " was added as a user",
            "USER_DELETED" => " was removed as a user",
            _ when e.User.IsActive == false => "'s profile was updated; the account is inactive",
            _ => "'s profile was updated",
        });
    }

    private static void DescribeGroup(SentenceBuilder sentence, GroupEvent e)
    {
        var name = FirstPresent(e.Name, e.SubjectRef, e.SubjectId);
        sentence.Words(name is null ? "A group" : $"Group {name}");
        sentence.Words(e.EventType switch
        {
            "GROUP_CREATED" => " was created",
            "GROUP_DELETED" => " was deleted",
            _ => " was updated",
        });
    }

    private static void DescribeMilestone(SentenceBuilder sentence, ModuleGroupEvent e)
    {
        var step = FirstPresent(e.Title, e.SubjectRef, e.SubjectId) ?? "a step";
        sentence.Learner(e.User);
        sentence.Words(e.EventType switch
        {
            "EVENT_FILE_UPLOADED" => $" uploaded a file in {step} of ",
            "EVENT_CERTIFICATE_ACHIEVED" => $" achieved the certificate of {step} in ",
            _ => $" unlocked {step} in ",
        });
        sentence.Training(e.Training);
    }

    private static void DescribePortfolioItem(SentenceBuilder sentence, PortfolioItemEvent e)
    {
        var item = FirstPresent(e.Title) is { } title ? $"“{title}”" : "an item";
        sentence.Learner(e.User);
        sentence.Words(e.EventType switch
        {
            "PORTFOLIO_ITEM_CREATED" => $" added {item} to their portfolio",
            "PORTFOLIO_ITEM_DELETED" => $" removed {item} from their portfolio",
            _ => $" updated {item} in their portfolio",
        });
    }

    private static void DescribeCourseFinished(SentenceBuilder sentence, CourseFinishedEvent e)
    {
        var course = e.Course;
        sentence.Learner(e.User).Words(" finished ");
        sentence.Name(SentencePartKind.Training, course?.TrainingId,
            FirstPresent(course?.Title, course?.Ref, course?.Id) ?? "a course");
        sentence.Words(WithScore(e.Score));
        if (e.TimeSpent is { } spent)
        {
            sentence.Words($", time spent {HumanDuration.Format(spent)}");
        }
    }

    private static void DescribeGrade(SentenceBuilder sentence, AssignmentGradeEvent e)
    {
        var moduleGroup = e.Assignment?.ModuleGroup;
        var step = FirstPresent(moduleGroup?.Title, moduleGroup?.Ref, moduleGroup?.Id) ?? "a step";
        sentence.Learner(e.User);
        sentence.Words(e.Score is { } score ? $" got {Number(score)} for " : " got a grade for ");
        sentence.Words($"the assignment in {step} of ").Training(moduleGroup?.Training);

        var notes = new List<string>();
        if (FirstPresent(e.State) is { } state)
        {
            notes.Add($"state: {state}");
        }

        if (e.Fulfilled is { } fulfilled)
        {
            notes.Add(fulfilled ? "fulfilled" : "not fulfilled");
        }

        if (notes.Count > 0)
        {
            sentence.Words($" ({string.Join(", ", notes)})");
        }
    }

    private static void DescribeEnrolment(SentenceBuilder sentence, OfferEventEnrolmentEvent e)
    {
        var offer = e.OfferEvent;
        var session = FirstPresent(offer?.Title, offer?.Ref, offer?.Id) ?? "a session";
        sentence.Learner(e.User);
        sentence.Words(e.EventType switch
        {
            "OFFER_EVENT_ENROLLED" => $" enrolled in {session}",
            "OFFER_EVENT_UNENROLLED" => $" unenrolled from {session}",
            _ => $"'s enrolment in {session} changed to {Readable(e.Status) ?? "an unknown status"}",
        });
    }

    private static string WithScore(decimal? score) => score is { } value ? $" with {Number(value)}" : "";

    /// <summary>87.50 as "87.5": no trailing zeros, always a decimal point.</summary>
    private static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>A status such as <c>NO_SHOW</c> as "no show".</summary>
    private static string? Readable(string? status) =>
        FirstPresent(status)?.Replace('_', ' ').ToLowerInvariant();

    private static string? FirstPresent(params string?[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim();

    private static EventDescription Plain(string text) => new([SentencePart.Words(text)]);

    /// <summary>Collects the parts of one sentence and capitalises its first word.</summary>
    private sealed class SentenceBuilder
    {
        private readonly List<SentencePart> _parts = [];

        public SentenceBuilder Words(string text)
        {
            if (text.Length > 0)
            {
                _parts.Add(SentencePart.Words(text));
            }

            return this;
        }

        public SentenceBuilder Name(SentencePartKind kind, string? id, string name)
        {
            _parts.Add(new SentencePart(kind, name, FirstPresent(id)));
            return this;
        }

        public SentenceBuilder Learner(PluvoUser? user)
        {
            var name = FirstPresent(user?.Name, user?.Email, user?.Ref, user?.Id);
            return name is null ? Words("someone") : Name(SentencePartKind.Learner, user?.Id, name);
        }

        /// <param name="training">The training, or null when the payload names none.</param>
        /// <param name="lead">Words before a known name ("the training "); "a training" stands alone.</param>
        public SentenceBuilder Training(PluvoTraining? training, string lead = "")
        {
            var name = FirstPresent(training?.Title, training?.Ref, training?.Id);
            return name is null
                ? Words("a training")
                : Words(lead).Name(SentencePartKind.Training, training?.Id, name);
        }

        /// <summary>"Training Basics" when it has a name, "A training" when it has none.</summary>
        public SentenceBuilder Subject(string noun, SentencePartKind kind, string? id, params string?[] names)
        {
            var name = FirstPresent(names.Append(id).ToArray());
            if (name is null)
            {
                return Words($"a {noun}");
            }

            return Words(char.ToUpperInvariant(noun[0]) + noun[1..] + " ").Name(kind, id, name);
        }

        public EventDescription Build()
        {
            if (_parts is [{ Kind: SentencePartKind.Text, Text: var first }, ..] && char.IsLower(first[0]))
            {
                _parts[0] = SentencePart.Words(char.ToUpperInvariant(first[0]) + first[1..]);
            }

            return new EventDescription(_parts.ToArray());
        }
    }
}
