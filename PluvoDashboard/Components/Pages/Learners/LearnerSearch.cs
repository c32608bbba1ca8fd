using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Components.Pages.ReadModels;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Components.Pages.Learners;

/// <summary>The learners list's search: part of a name, e-mail or ref, and an order.</summary>
public sealed record LearnerSearch(string? Text, string? Sort, string? Dir)
{
    public static readonly string[] SortKeys = ["name", "email", "completions", "updated"];

    private string SortKey => Sort is { } s && SortKeys.Contains(s) ? s : "name";

    public bool Descending => Dir is null ? SortKey is "completions" or "updated" : Dir == "desc";

    public IQueryable<LearnerListRow> Query(PluvoDbContext db)
    {
        var learners = db.Learners.AsQueryable();
        if (TextMatch.IsSet(Text))
        {
            var pattern = TextMatch.Contains(Text!);
            learners = learners.Where(l => EF.Functions.Like(l.Name, pattern, TextMatch.Escape)
                || EF.Functions.Like(l.Email, pattern, TextMatch.Escape)
                || EF.Functions.Like(l.Ref, pattern, TextMatch.Escape)
                || l.Id == Text!.Trim());
        }

        var rows = learners.Select(l => new LearnerListRow
        {
            Id = l.Id,
            Name = l.Name,
            Email = l.Email,
            Ref = l.Ref,
            IsActive = l.IsActive,
            IsDeleted = l.IsDeleted,
            Completions = db.Completions.Count(c => c.LearnerId == l.Id),
            LastSentDate = l.LastSentDate,
        });

        return (SortKey, Descending) switch
        {
            ("email", false) => rows.OrderBy(r => r.Email).ThenBy(r => r.Id),
            ("email", true) => rows.OrderByDescending(r => r.Email).ThenByDescending(r => r.Id),
            ("completions", false) => rows.OrderBy(r => r.Completions).ThenBy(r => r.Id),
            ("completions", true) => rows.OrderByDescending(r => r.Completions).ThenByDescending(r => r.Id),
            ("updated", false) => rows.OrderBy(r => r.LastSentDate).ThenBy(r => r.Id),
            ("updated", true) => rows.OrderByDescending(r => r.LastSentDate).ThenByDescending(r => r.Id),
            (_, true) => rows.OrderByDescending(r => r.Name).ThenByDescending(r => r.Id),
            _ => rows.OrderBy(r => r.Name).ThenBy(r => r.Id),
        };
    }
}
