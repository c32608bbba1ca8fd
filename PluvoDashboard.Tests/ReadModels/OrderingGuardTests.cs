using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage.ReadModels;
using PluvoDashboard.Tests.Support;
using static PluvoDashboard.Tests.ReadModels.PluvoBodies;

namespace PluvoDashboard.Tests.ReadModels;

/// <summary>Events arriving out of order: the newest sent date wins and a delete is final.</summary>
public sealed class OrderingGuardTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    private static DateTimeOffset Noon(int day) => new(2026, 11, day, 12, 0, 0, TimeSpan.Zero);

    private async Task<Learner> LearnerAsync(string id)
    {
        await using var db = _app.CreateDbContext();
        return await db.Learners.SingleAsync(l => l.Id == id);
    }

    [Fact]
    public async Task OlderUserUpdateAfterANewerOneIsIgnored()
    {
        await _app.PostAsync(User("USER_CREATED", "u-1", "Zoë", 1));
        await _app.PostAsync(User("USER_UPDATED", "u-1", "Zoë Newer", 5, "new@example.com"));
        await _app.PostAsync(User("USER_UPDATED", "u-1", "Zoë Older", 3, "old@example.com"));

        var learner = await LearnerAsync("u-1");
        Assert.Equal(("Zoë Newer", "new@example.com", Noon(5)), (learner.Name, learner.Email, learner.LastSentDate));
    }

    [Fact]
    public async Task OlderUserUpdateAfterTheDeleteKeepsTheTombstone()
    {
        await _app.PostAsync(User("USER_CREATED", "u-1", "Zoë", 1));
        await _app.PostAsync(User("USER_DELETED", "u-1", "Zoë", 5));
        await _app.PostAsync(User("USER_UPDATED", "u-1", "Zoë Revived", 3));

        var learner = await LearnerAsync("u-1");
        Assert.Equal((true, Noon(5), "Zoë"), (learner.IsDeleted, learner.DeletedAt, learner.Name));
    }

    [Fact]
    public async Task DeleteArrivingBeforeTheCreateStillLeavesATombstone()
    {
        await _app.PostAsync(User("USER_DELETED", "u-1", "Zoë", 5));
        await _app.PostAsync(User("USER_CREATED", "u-1", "Zoë", 1));

        var learner = await LearnerAsync("u-1");
        Assert.Equal((true, Noon(5), Noon(5)), (learner.IsDeleted, learner.DeletedAt, learner.LastSentDate));
    }

    [Fact]
    public async Task DeletedPortfolioItemStaysDeletedWhenAnOlderUpdateArrives()
    {
        await _app.PostAsync(PortfolioItem("PORTFOLIO_ITEM_CREATED", "p-1", "EHBO", 1));
        await _app.PostAsync(PortfolioItem("PORTFOLIO_ITEM_DELETED", "p-1", "EHBO", 5));
        await _app.PostAsync(PortfolioItem("PORTFOLIO_ITEM_UPDATED", "p-1", "EHBO renamed", 3));

        await using var db = _app.CreateDbContext();
        var item = await db.PortfolioItems.SingleAsync();
        Assert.Equal((true, Noon(5), "EHBO"), (item.IsDeleted, item.DeletedAt, item.Title));
    }

    [Fact]
    public async Task NestedUserInACourseFinishedCreatesTheLearner()
    {
        await _app.PostAsync(CourseFinished("cf-1", NestedUser("u-9", "Nested Only"), 4));

        var learner = await LearnerAsync("u-9");
        Assert.Equal(("Nested Only", null, Noon(4), false), (learner.Name, learner.Email, learner.LastSentDate,
            learner.IsDeleted));
    }

    [Fact]
    public async Task NewerNestedUserUpdatesTheNameWithoutBlankingWhatItLacks()
    {
        await _app.PostAsync(User("USER_CREATED", "u-1", "Zoë", 1));
        await _app.PostAsync(CourseFinished("cf-1", NestedUser("u-1", "Zoë Renamed"), 4));

        var learner = await LearnerAsync("u-1");
        Assert.Equal(("Zoë Renamed", "zoe@example.com", "P-1", Noon(4)), (learner.Name, learner.Email,
            learner.AfasPersonId, learner.LastSentDate));
        Assert.Equal("""{"Afdeling":"Marketing"}""", learner.ExtraFields);
    }

    [Fact]
    public async Task OlderNestedUserChangesNothing()
    {
        await _app.PostAsync(User("USER_UPDATED", "u-1", "Zoë", 5));
        await _app.PostAsync(CourseFinished("cf-1", NestedUser("u-1", "Zoë Before"), 4));

        Assert.Equal(("Zoë", Noon(5)), ((await LearnerAsync("u-1")).Name, (await LearnerAsync("u-1")).LastSentDate));
    }

    [Fact]
    public async Task NestedUserNeverBringsADeletedLearnerBack()
    {
        await _app.PostAsync(User("USER_DELETED", "u-1", "Zoë", 3));
        await _app.PostAsync(CourseFinished("cf-1", NestedUser("u-1", "Zoë Again"), 6));

        var learner = await LearnerAsync("u-1");
        Assert.Equal((true, "Zoë", Noon(3)), (learner.IsDeleted, learner.Name, learner.LastSentDate));
        await using var db = _app.CreateDbContext();
        Assert.Equal("u-1", (await db.Completions.SingleAsync()).LearnerId);
    }

    [Fact]
    public async Task EveryGradeUpdateIsKeptAndTheNewestPerLearnerAndAssignmentIsTheCurrentGrade()
    {
        await _app.PostAsync(Grade("gr-1", "a-1", 5.5, "open", 2));
        await _app.PostAsync(Grade("gr-1", "a-1", 8, "graded", 6));
        await _app.PostAsync(Grade("gr-1", "a-1", 6.5, "open", 4));
        await _app.PostAsync(Grade("gr-2", "a-2", 9, "graded", 3));

        await using var db = _app.CreateDbContext();
        var history = await db.AssignmentGrades.Where(g => g.AssignmentId == "a-1").OrderBy(g => g.SentDate)
            .ToListAsync();
        Assert.Equal([5.5, 6.5, 8], history.Select(g => g.Score));
        var first = history[0];
        Assert.Equal(("gr-1", "u-1", "mg-1", "Week 1", "t-1"), (first.GradeId, first.LearnerId,
            first.ModuleGroupId, first.ModuleGroupTitle, first.TrainingId));
        Assert.Equal(("participant", "numeral", 2.0, true), (first.AssignmentType, first.ScoreType, first.Weight,
            first.Fulfilled));

        var latest = await db.AssignmentGrades.Latest().OrderBy(g => g.AssignmentId).ToListAsync();
        Assert.Equal([("a-1", 8.0, "graded"), ("a-2", 9.0, "graded")],
            latest.Select(g => (g.AssignmentId!, g.Score!.Value, g.State!)));
    }
}
