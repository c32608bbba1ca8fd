namespace PluvoDashboard.Components.Pages.ReadModels;

/// <summary>One page of a server-side paged list: a 1-based page number and a page size of 25, 50 or 100.</summary>
public readonly record struct PageRequest(int Page, int Size)
{
    public static readonly int[] Sizes = [25, 50, 100];

    /// <summary>The request from query values, with a missing or unknown size as 25 and a page of at least 1.</summary>
    public static PageRequest From(int? page, int? size) =>
        new(Math.Max(page ?? 1, 1), size is { } s && Sizes.Contains(s) ? s : Sizes[0]);

    public int Skip => (Page - 1) * Size;

    /// <summary>The number of pages that <paramref name="total"/> rows fill, at least one.</summary>
    public int PageCount(long total) => (int)Math.Max(1, (total + Size - 1) / Size);
}
