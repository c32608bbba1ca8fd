using System.Security.Cryptography;
using System.Text.Json;
using PluvoDashboard.Cli;
using PluvoDashboard.Events;
using PluvoDashboard.Intake;

namespace PluvoDashboard.Tests.Cli;

public sealed class SimulatedOrganisationTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheSameSeedGivesTheSameStream()
    {
        var first = Stream(seed: 11, count: 300);
        var second = Stream(seed: 11, count: 300);

        Assert.Equal(first.Select(d => d.Body), second.Select(d => d.Body));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentStreams()
    {
        Assert.NotEqual(Stream(seed: 1, count: 20)[^1].Body, Stream(seed: 2, count: 20)[^1].Body);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryBodyInTheStreamIsDistinct(int seed)
    {
        var hashes = Stream(seed, count: 1000).Select(d => Convert.ToHexString(SHA256.HashData(d.Body)));

        Assert.Equal(1000, hashes.Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NoLearnerIsMentionedBeforeTheirUserCreatedOrAfterTheirUserDeleted(int seed)
    {
        var created = new HashSet<string>();
        var deleted = new HashSet<string>();
        foreach (var delivery in Stream(seed, count: 1500))
        {
            var envelope = EnvelopeReader.Read(delivery.Body).Envelope!;
            if (envelope.UserId is not { } learner)
            {
                continue;
            }

            Assert.DoesNotContain(learner, deleted);
            if (envelope.EventType == "USER_CREATED")
            {
                Assert.True(created.Add(learner), $"learner {learner} was created twice");
            }
            else
            {
                Assert.Contains(learner, created);
            }

            if (envelope.EventType == "USER_DELETED")
            {
                deleted.Add(learner);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AThousandEventsCoverEveryKnownType(int seed)
    {
        var types = Stream(seed, count: 1000).Select(d => d.EventType).ToHashSet();

        Assert.Empty(EventCatalog.KnownTypes.Except(types));
    }

    [Fact]
    public void EachDeliveryCarriesTheTypeItWasLabelledWith()
    {
        foreach (var delivery in Stream(seed: 5, count: 500))
        {
            Assert.Equal(delivery.EventType, EnvelopeReader.Read(delivery.Body).Envelope!.EventType);
        }
    }

    [Fact]
    public void TheStreamStartsWithTrainingsGroupsAndLearners()
    {
        var opening = Stream(seed: 4, count: 8).Select(d => d.EventType);

        Assert.Equal(
            ["TRAINING_CREATED", "TRAINING_CREATED", "TRAINING_CREATED", "GROUP_CREATED", "GROUP_CREATED",
                "USER_CREATED", "USER_CREATED", "USER_CREATED"],
            opening);
    }

    [Fact]
    public void SentDatesRiseByAMillisecondWhenTheClockStandsStill()
    {
        var sentDates = Stream(seed: 6, count: 50)
            .Select(d => EnvelopeReader.Read(d.Body).Envelope!.SentDate!.Value)
            .ToList();

        Assert.Equal(Start, sentDates[0]);
        Assert.All(
            sentDates.Zip(sentDates.Skip(1)),
            pair => Assert.Equal(TimeSpan.FromMilliseconds(1), pair.Second - pair.First));
    }

    [Fact]
    public void ALearnersGradeForAnAssignmentIsUpdatedSeveralTimes()
    {
        var updatesPerGrade = Stream(seed: 7, count: 1000)
            .Where(d => d.EventType == "ASSIGNMENT_GRADE_UPDATE")
            .Select(d => EnvelopeReader.Read(d.Body).Envelope!)
            .GroupBy(e => (e.SubjectId, e.UserId))
            .Select(g => g.Count())
            .ToList();

        Assert.Contains(updatesPerGrade, count => count >= 3);
    }

    [Fact]
    public void LearnersUnlockModuleGroupsOnlyInTrainingsTheyEnrolledIn()
    {
        var enrolled = new HashSet<(string?, string?)>();
        foreach (var delivery in Stream(seed: 8, count: 1000))
        {
            var envelope = EnvelopeReader.Read(delivery.Body).Envelope!;
            if (delivery.EventType == "OFFER_EVENT_ENROLLED")
            {
                // An offer event is titled after its training: "Brandveiligheid – Utrecht, 14 januari".
                using var json = JsonDocument.Parse(delivery.Body);
                var offerTitle = json.RootElement.GetProperty("offer_event").GetProperty("title").GetString()!;
                enrolled.Add((envelope.UserId, offerTitle.Split(" – ")[0]));
            }

            if (delivery.EventType == "EVENT_CONDITIONS_FULFILLED")
            {
                Assert.Contains((envelope.UserId, envelope.TrainingTitle), enrolled);
            }
        }
    }

    private static List<SimulatedDelivery> Stream(int seed, int count) =>
        [.. new SimulatedOrganisation(new Random(seed), () => Start).Stream().Take(count)];
}
