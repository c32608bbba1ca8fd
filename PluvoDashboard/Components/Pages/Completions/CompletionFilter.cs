using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Components.Pages.ReadModels;
using PluvoDashboard.Components.Shared;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.ReadModels;

namespace PluvoDashboard.Components.Pages.Completions;

/// <summary>
/// Which completions the completions page and its CSV export show, and in what order. Both read it from the
/// same query parameters, so the export holds exactly the rows the page lists. Values are kept as the text
/// of the query; <see cref="Validate"/> says which cannot be read.
/// </summary>
public sealed class CompletionFilter
{
    /// <summary>Part of the learner's name or e-mail.</summary>
    public string? Learner { get; set; }

    /// <summary>Part of the course or training title.</summary>
    public string? Title { get; set; }

    /// <summary><c>course</c> or <c>training</c>; empty for both.</summary>
    public string? Kind { get; set; }

    /// <summary>The first day of the period (<c>yyyy-MM-dd</c>, in <see cref="Tz"/>).</summary>
    public string? From { get; set; }

    /// <summary>The last day of the period, included.</summary>
    public string? To { get; set; }

    public string? MinScore { get; set; }

    public string? MaxScore { get; set; }

    /// <summary><c>finished</c> (the default), <c>score</c>, <c>learner</c>, <c>title</c> or <c>time</c>.</summary>
    public string? Sort { get; set; }

    /// <summary><c>asc</c> or <c>desc</c>; finished defaults to newest first.</summary>
    public string? Dir { get; set; }

    /// <summary>The IANA time zone the days of the period are in; UTC when empty or unknown.</summary>
    public string? Tz { get; set; }

    public static readonly string[] SortKeys = ["finished", "score", "learner", "title", "time"];

    public BrowserClock Clock => BrowserClock.ForZone(Tz);

    public bool Descending => Dir is null ? SortKey == "finished" : Dir == "desc";

    private string SortKey => Sort is { } s && SortKeys.Contains(s) ? s : "finished";

    public CompletionKind? KindValue => Kind?.Trim().ToLowerInvariant() switch
    {
        "course" => CompletionKind.Course,
        "training" => CompletionKind.Training,
        _ => null,
    };

    public CompletionFilter Copy() => (CompletionFilter)MemberwiseClone();

    /// <summary>What cannot be read, by query parameter; empty when the filter is usable.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!DayRange.TryParse(From, out var from))
        {
            errors["from"] = ["A date as yyyy-MM-dd."];
        }

        if (!DayRange.TryParse(To, out var to))
        {
            errors["to"] = ["A date as yyyy-MM-dd."];
        }

        if (from > to)
        {
            errors["to"] = ["The period ends before it starts."];
        }

        var min = ParseScore(MinScore, "minScore", errors);
        var max = ParseScore(MaxScore, "maxScore", errors);
        if (min > max)
        {
            errors["maxScore"] = ["The highest score is below the lowest."];
        }

        if (TextMatch.IsSet(Kind) && KindValue is null)
        {
            errors["kind"] = ["course or training."];
        }

        return errors;
    }

    /// <summary>The matching rows in the chosen order; call <see cref="Validate"/> first.</summary>
    public IQueryable<CompletionRow> Query(PluvoDbContext db)
    {
        var rows = from c in db.Completions
                   join l in db.Learners on c.LearnerId equals l.Id into learners
                   from l in learners.DefaultIfEmpty()
                   select new CompletionRow
                   {
                       EventId = c.EventId,
                       Kind = c.Kind,
                       LearnerId = c.LearnerId,
                       LearnerName = l!.Name,
                       LearnerEmail = l.Email,
                       CourseTitle = c.CourseTitle,
                       TrainingId = c.TrainingId,
                       TrainingTitle = c.TrainingTitle,
                       Score = c.Score,
                       TimeSpent = c.TimeSpent,
                       FinishedAt = c.FinishedAt,
                   };

        return Order(Where(rows));
    }

    private IQueryable<CompletionRow> Where(IQueryable<CompletionRow> rows)
    {
        if (TextMatch.IsSet(Learner))
        {
            var pattern = TextMatch.Contains(Learner!);
            rows = rows.Where(r => EF.Functions.Like(r.LearnerName, pattern, TextMatch.Escape)
                || EF.Functions.Like(r.LearnerEmail, pattern, TextMatch.Escape));
        }

        if (TextMatch.IsSet(Title))
        {
            var pattern = TextMatch.Contains(Title!);
            rows = rows.Where(r => EF.Functions.Like(r.CourseTitle, pattern, TextMatch.Escape)
                || EF.Functions.Like(r.TrainingTitle, pattern, TextMatch.Escape));
        }

        if (KindValue is { } kind)
        {
            rows = rows.Where(r => r.Kind == kind);
        }

        if (Period() is var (start, end))
        {
            if (start is { } s)
            {
                rows = rows.Where(r => r.FinishedAt >= s);
            }

            if (end is { } e)
            {
                rows = rows.Where(r => r.FinishedAt < e);
            }
        }

        if (Score(MinScore) is { } min)
        {
            rows = rows.Where(r => r.Score >= min);
        }

        if (Score(MaxScore) is { } max)
        {
            rows = rows.Where(r => r.Score <= max);
        }

        return rows;
    }

    private IQueryable<CompletionRow> Order(IQueryable<CompletionRow> rows) => (SortKey, Descending) switch
    {
        ("score", false) => rows.OrderBy(r => r.Score).ThenBy(r => r.EventId),
        ("score", true) => rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.EventId),
        ("learner", false) => rows.OrderBy(r => r.LearnerName).ThenBy(r => r.EventId),
        ("learner", true) => rows.OrderByDescending(r => r.LearnerName).ThenByDescending(r => r.EventId),
        ("title", false) => rows.OrderBy(r => r.CourseTitle ?? r.TrainingTitle).ThenBy(r => r.EventId),
        ("title", true) => rows.OrderByDescending(r => r.CourseTitle ?? r.TrainingTitle)
            .ThenByDescending(r => r.EventId),
        ("time", false) => rows.OrderBy(r => r.TimeSpent).ThenBy(r => r.EventId),
        ("time", true) => rows.OrderByDescending(r => r.TimeSpent).ThenByDescending(r => r.EventId),
        (_, false) => rows.OrderBy(r => r.FinishedAt).ThenBy(r => r.EventId),
        _ => rows.OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.EventId),
    };

    /// <summary>The period as instants: from the first day's start to the start of the day after the last.</summary>
    public (DateTimeOffset? Start, DateTimeOffset? End) Period()
    {
        DayRange.TryParse(From, out var from);
        DayRange.TryParse(To, out var to);
        return (from is { } f ? DayRange.StartOf(f, Clock) : null,
            to is { } t ? DayRange.StartOf(t.AddDays(1), Clock) : null);
    }

    /// <summary>The query parameters of this filter, for the page's address or the export link.</summary>
    public Dictionary<string, object?> ToQuery(bool withZone) => new()
    {
        ["learner"] = Blank(Learner),
        ["title"] = Blank(Title),
        ["kind"] = Blank(Kind),
        ["from"] = Blank(From),
        ["to"] = Blank(To),
        ["minScore"] = Blank(MinScore),
        ["maxScore"] = Blank(MaxScore),
        ["sort"] = Blank(Sort),
        ["dir"] = Blank(Dir),
        ["tz"] = withZone ? Blank(Tz) : null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static double? Score(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? ParseScore(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (!TextMatch.IsSet(text))
        {
            return null;
        }

        if (Score(text) is { } value)
        {
            return value;
        }

        errors[name] = ["A number, such as 7.5."];
        return null;
    }
}
