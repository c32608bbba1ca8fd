using PluvoDashboard.Tests.ReadModels;
using PluvoDashboard.Tests.Support;
using static PluvoDashboard.Tests.Pages.PageBodies;

namespace PluvoDashboard.Tests.Pages;

/// <summary>
/// A small organisation posted once through the webhook: two learners, a training, portfolio items (one
/// deleted), grades with an update, completions, a milestone and an enrolment.
/// </summary>
public sealed class LearningData : IAsyncLifetime
{
    public const string LongDescription =
        "Eerste hulp bij ongelukken, a course of two days with an exam at the end. <script>alert('d')</script> "
        + "The certificate is valid for two years.";

    public const string QuotedTitle = "Tillen, \"veilig\"\nwerken";
    public const string Formula = "=HYPERLINK(\"http://evil.example\",\"x\")";

    public PluvoApp App { get; } = new();

    public async Task InitializeAsync()
    {
        // These name the learner "Zoë" only; the USER_CREATED of the same moment after them gives the full name.
        await App.PostAsync(PluvoBodies.ModuleGroup("EVENT_CERTIFICATE_ACHIEVED", "https://files.example/c.pdf", 1));
        await App.PostAsync(PluvoBodies.Offer("OFFER_EVENT_ENROLLED", "ENROLLED", 1));
        await App.PostAsync(User("u-1", "Zoë Ñúñez", "zoe@example.com"));
        await App.PostAsync(User("u-2", "Bram de Vries", "bram@example.org"));
        await App.PostAsync(PluvoBodies.Training("TRAINING_CREATED", "t-1", "Safety first", 1));

        await App.PostAsync(Portfolio("PORTFOLIO_ITEM_CREATED", "p-1", "u-1", "EHBO", LongDescription,
            ["https://files.example/ehbo.pdf", "javascript:alert(1)"], day: 3));
        await App.PostAsync(Portfolio("PORTFOLIO_ITEM_CREATED", "p-2", "u-2", QuotedTitle, Formula, [], day: 4));
        await App.PostAsync(Portfolio("PORTFOLIO_ITEM_CREATED", "p-3", "u-1", "Old course", "gone", [], day: 2));
        await App.PostAsync(Portfolio("PORTFOLIO_ITEM_DELETED", "p-3", "u-1", "Old course", "gone", [], day: 6));

        await App.PostAsync(Grade("g-1", "u-1", "a-1", "Week 1", 6, "GRADED", fulfilled: false, day: 3));
        await App.PostAsync(Grade("g-1", "u-1", "a-1", "Week 1", 8, "GRADED", fulfilled: true, day: 5));
        await App.PostAsync(Grade("g-2", "u-2", "a-1", "Week 1", 4, "SUBMITTED", fulfilled: false, day: 4));
        await App.PostAsync(Grade("g-3", "u-1", "a-2", "Week 2", 9, "GRADED", fulfilled: true, day: 6));

        await App.PostAsync(CourseFinished("cf-1", "u-1", "Zoë Ñúñez", "Fire safety", 7.5, day: 3));
        await App.PostAsync(TrainingFinished("tf-1", "u-1", "Zoë Ñúñez", "t-1", "Safety first", 8, day: 7));
        await App.PostAsync(TrainingFinished("tf-2", "u-2", "Bram de Vries", "t-1", "Safety first", 6, day: 8));
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
