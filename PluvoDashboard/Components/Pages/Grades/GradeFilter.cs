using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Components.Pages.ReadModels;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.ReadModels;

namespace PluvoDashboard.Components.Pages.Grades;

/// <summary>
/// Which current grades (the latest per learner and assignment) the grades page and its CSV export show, and
/// in what order, read from the same query parameters by both.
/// </summary>
public sealed class GradeFilter
{
    /// <summary>Part of the learner's name or e-mail.</summary>
    public string? Learner { get; set; }

    /// <summary>Exactly this learner, as the learner's page links here.</summary>
    public string? LearnerId { get; set; }

    /// <summary>Part of the assignment's id or of its module group's title.</summary>
    public string? Assignment { get; set; }

    /// <summary>The grade's state, e.g. <c>GRADED</c>; any case.</summary>
    public string? State { get; set; }

    /// <summary><c>yes</c> or <c>no</c>; empty for both.</summary>
    public string? Fulfilled { get; set; }

    /// <summary><c>graded</c> (the default), <c>score</c>, <c>learner</c> or <c>assignment</c>.</summary>
    public string? Sort { get; set; }

    /// <summary><c>asc</c> or <c>desc</c>; graded defaults to newest first.</summary>
    public string? Dir { get; set; }

    public static readonly string[] SortKeys = ["graded", "score", "learner", "assignment"];

    public bool Descending => Dir is null ? SortKey == "graded" : Dir == "desc";

    private string SortKey => Sort is { } s && SortKeys.Contains(s) ? s : "graded";

    private bool? FulfilledValue => Fulfilled?.Trim().ToLowerInvariant() switch
    {
        "yes" or "true" => true,
        "no" or "false" => false,
        _ => null,
    };

    public GradeFilter Copy() => (GradeFilter)MemberwiseClone();

    /// <summary>What cannot be read, by query parameter; empty when the filter is usable.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (TextMatch.IsSet(Fulfilled) && FulfilledValue is null)
        {
            errors["fulfilled"] = ["yes or no."];
        }

        return errors;
    }

    /// <summary>The matching current grades in the chosen order; call <see cref="Validate"/> first.</summary>
    public IQueryable<GradeRow> Query(PluvoDbContext db) => Order(Where(Rows(db, db.AssignmentGrades.Latest())));

    /// <summary>Every update of one learner's grade for one assignment, newest first.</summary>
    public static IQueryable<GradeRow> History(PluvoDbContext db, string? learnerId, string? assignmentId) =>
        Rows(db, db.AssignmentGrades.Where(g => g.LearnerId == learnerId && g.AssignmentId == assignmentId))
            .OrderByDescending(r => r.GradedAt).ThenByDescending(r => r.EventId);

    private static IQueryable<GradeRow> Rows(PluvoDbContext db, IQueryable<AssignmentGrade> grades) =>
        from g in grades
        join l in db.Learners on g.LearnerId equals l.Id into learners
        from l in learners.DefaultIfEmpty()
        select new GradeRow
        {
            EventId = g.EventId,
            GradeId = g.GradeId,
            LearnerId = g.LearnerId,
            LearnerName = l!.Name,
            LearnerEmail = l.Email,
            AssignmentId = g.AssignmentId,
            ModuleGroupTitle = g.ModuleGroupTitle,
            TrainingId = g.TrainingId,
            AssignmentType = g.AssignmentType,
            ScoreType = g.ScoreType,
            Weight = g.Weight,
            Score = g.Score,
            Fulfilled = g.Fulfilled,
            State = g.State,
            GradedAt = g.SentDate,
        };

    private IQueryable<GradeRow> Where(IQueryable<GradeRow> rows)
    {
        if (TextMatch.IsSet(Learner))
        {
            var pattern = TextMatch.Contains(Learner!);
            rows = rows.Where(r => EF.Functions.Like(r.LearnerName, pattern, TextMatch.Escape)
                || EF.Functions.Like(r.LearnerEmail, pattern, TextMatch.Escape));
        }

        if (TextMatch.IsSet(LearnerId))
        {
            var id = LearnerId!.Trim();
            rows = rows.Where(r => r.LearnerId == id);
        }

        if (TextMatch.IsSet(Assignment))
        {
            var pattern = TextMatch.Contains(Assignment!);
            rows = rows.Where(r => EF.Functions.Like(r.AssignmentId, pattern, TextMatch.Escape)
                || EF.Functions.Like(r.ModuleGroupTitle, pattern, TextMatch.Escape));
        }

        if (TextMatch.IsSet(State))
        {
            var state = State!.Trim().ToUpperInvariant();
            rows = rows.Where(r => r.State != null && r.State.ToUpper() == state);
        }

        if (FulfilledValue is { } fulfilled)
        {
            rows = rows.Where(r => r.Fulfilled == fulfilled);
        }

        return rows;
    }

    private IQueryable<GradeRow> Order(IQueryable<GradeRow> rows) => (SortKey, Descending) switch
    {
        ("score", false) => rows.OrderBy(r => r.Score).ThenBy(r => r.EventId),
        ("score", true) => rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.EventId),
        ("learner", false) => rows.OrderBy(r => r.LearnerName).ThenBy(r => r.EventId),
        ("learner", true) => rows.OrderByDescending(r => r.LearnerName).ThenByDescending(r => r.EventId),
        ("assignment", false) => rows.OrderBy(r => r.ModuleGroupTitle).ThenBy(r => r.AssignmentId),
        ("assignment", true) => rows.OrderByDescending(r => r.ModuleGroupTitle)
            .ThenByDescending(r => r.AssignmentId),
        (_, false) => rows.OrderBy(r => r.GradedAt).ThenBy(r => r.EventId),
        _ => rows.OrderByDescending(r => r.GradedAt).ThenByDescending(r => r.EventId),
    };

    /// <summary>The query parameters of this filter, for the page's address or the export link.</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        ["learner"] = Blank(Learner),
        ["learnerId"] = Blank(LearnerId),
        ["assignment"] = Blank(Assignment),
        ["state"] = Blank(State),
        ["fulfilled"] = Blank(Fulfilled),
        ["sort"] = Blank(Sort),
        ["dir"] = Blank(Dir),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
