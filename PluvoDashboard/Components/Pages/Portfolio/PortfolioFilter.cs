using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Components.Pages.ReadModels;
using PluvoDashboard.Components.Shared;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Components.Pages.Portfolio;

/// <summary>
/// Which portfolio items the portfolio page and its CSV export show, and in what order, read from the same
/// query parameters by both.
/// </summary>
public sealed class PortfolioFilter
{
    /// <summary>Part of the learner's name or e-mail.</summary>
    public string? Learner { get; set; }

    /// <summary>Part of the item's title.</summary>
    public string? Title { get; set; }

    /// <summary>The first day of the period (<c>yyyy-MM-dd</c>); items whose period overlaps it match.</summary>
    public string? From { get; set; }

    /// <summary>The last day of the period, included.</summary>
    public string? To { get; set; }

    /// <summary><c>include</c> (the default), <c>exclude</c> or <c>only</c>: what to do with deleted items.</summary>
    public string? Deleted { get; set; }

    /// <summary><c>updated</c> (the default), <c>title</c>, <c>learner</c> or <c>start</c>.</summary>
    public string? Sort { get; set; }

    /// <summary><c>asc</c> or <c>desc</c>; updated defaults to newest first.</summary>
    public string? Dir { get; set; }

    /// <summary>The IANA time zone the days of the period are in; UTC when empty or unknown.</summary>
    public string? Tz { get; set; }

    public static readonly string[] SortKeys = ["updated", "title", "learner", "start"];

    public static readonly string[] DeletedChoices = ["include", "exclude", "only"];

    public BrowserClock Clock => BrowserClock.ForZone(Tz);

    public bool Descending => Dir is null ? SortKey == "updated" : Dir == "desc";

    private string SortKey => Sort is { } s && SortKeys.Contains(s) ? s : "updated";

    private string DeletedChoice => Deleted?.Trim().ToLowerInvariant() is { } d && DeletedChoices.Contains(d)
        ? d
        : "include";

    public PortfolioFilter Copy() => (PortfolioFilter)MemberwiseClone();

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

        if (TextMatch.IsSet(Deleted) && !DeletedChoices.Contains(Deleted!.Trim().ToLowerInvariant()))
        {
            errors["deleted"] = ["include, exclude or only."];
        }

        return errors;
    }

    /// <summary>The matching items in the chosen order; call <see cref="Validate"/> first.</summary>
    public IQueryable<PortfolioRow> Query(PluvoDbContext db)
    {
        var rows = from p in db.PortfolioItems
                   join l in db.Learners on p.LearnerId equals l.Id into learners
                   from l in learners.DefaultIfEmpty()
                   select new PortfolioRow
                   {
                       Id = p.Id,
                       LearnerId = p.LearnerId,
                       LearnerName = l!.Name,
                       LearnerEmail = l.Email,
                       Title = p.Title,
                       Description = p.Description,
                       StartDate = p.StartDate,
                       EndDate = p.EndDate,
                       Files = p.Files,
                       IsDeleted = p.IsDeleted,
                       DeletedAt = p.DeletedAt,
                       LastSentDate = p.LastSentDate,
                   };

        return Order(Where(rows));
    }

    private IQueryable<PortfolioRow> Where(IQueryable<PortfolioRow> rows)
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
            rows = rows.Where(r => EF.Functions.Like(r.Title, pattern, TextMatch.Escape));
        }

        // An item matches a period it overlaps; an item without an end lasts its start day.
        DayRange.TryParse(From, out var from);
        DayRange.TryParse(To, out var to);
        if (from is { } f)
        {
            var start = DayRange.StartOf(f, Clock);
            rows = rows.Where(r => (r.EndDate ?? r.StartDate) >= start);
        }

        if (to is { } t)
        {
            var end = DayRange.StartOf(t.AddDays(1), Clock);
            rows = rows.Where(r => r.StartDate < end);
        }

        return DeletedChoice switch
        {
            "exclude" => rows.Where(r => !r.IsDeleted),
            "only" => rows.Where(r => r.IsDeleted),
            _ => rows,
        };
    }

    private IQueryable<PortfolioRow> Order(IQueryable<PortfolioRow> rows) => (SortKey, Descending) switch
    {
        ("title", false) => rows.OrderBy(r => r.Title).ThenBy(r => r.Id),
        ("title", true) => rows.OrderByDescending(r => r.Title).ThenByDescending(r => r.Id),
        ("learner", false) => rows.OrderBy(r => r.LearnerName).ThenBy(r => r.Id),
        ("learner", true) => rows.OrderByDescending(r => r.LearnerName).ThenByDescending(r => r.Id),
        ("start", false) => rows.OrderBy(r => r.StartDate).ThenBy(r => r.Id),
        ("start", true) => rows.OrderByDescending(r => r.StartDate).ThenByDescending(r => r.Id),
        (_, false) => rows.OrderBy(r => r.LastSentDate).ThenBy(r => r.Id),
        _ => rows.OrderByDescending(r => r.LastSentDate).ThenByDescending(r => r.Id),
    };

    /// <summary>The query parameters of this filter, for the page's address or the export link.</summary>
    public Dictionary<string, object?> ToQuery(bool withZone) => new()
    {
        ["learner"] = Blank(Learner),
        ["title"] = Blank(Title),
        ["from"] = Blank(From),
        ["to"] = Blank(To),
        ["deleted"] = Blank(Deleted),
        ["sort"] = Blank(Sort),
        ["dir"] = Blank(Dir),
        ["tz"] = withZone ? Blank(Tz) : null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
