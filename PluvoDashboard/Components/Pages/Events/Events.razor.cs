using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Data.Sqlite;
using MudBlazor;
using PluvoDashboard.Components.Shared;
using PluvoDashboard.Events;
using PluvoDashboard.Live;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;

namespace PluvoDashboard.Components.Pages.Events;

/// <summary>
/// The event history, newest first: a search in the URL (<c>?q=</c> and <c>page</c>), server-side paging, and
/// live arrivals. The list is anchored at the newest event when it was loaded, so paging never shifts under
/// the admin; while they look at the first page with no row open, arrivals are shown at the top at once,
/// otherwise a chip counts them until asked for.
/// </summary>
public sealed partial class Events : IAsyncDisposable
{
    public const int PageSize = 50;

    private const string SearchHelp =
        "Words match anywhere in the payload. Terms: type: status: user: training: family: after: before:";

    private readonly CancellationTokenSource _closing = new();
    private EventQuery _query = EventQuery.Empty;
    private string? _text;
    private DateRange? _range;
    private IReadOnlyList<EventListRow> _rows = [];
    private IReadOnlyDictionary<long, EventDescription> _descriptions = new Dictionary<long, EventDescription>();
    private long _total;
    private bool _totalIsLowerBound;
    private int _page;
    private long? _openId;
    private long _newCount;
    private long? _anchorId;
    private long _previousTopId = long.MaxValue;
    private bool _loading = true;
    private string? _error;
    private string? _shownKey;
    private LiveRefresher? _live;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>The page, counted from 1 as in the pager.</summary>
    [SupplyParameterFromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    [CascadingParameter]
    public BrowserClock? Clock { get; set; }

    private TimeZoneInfo Zone => (Clock ?? BrowserClock.Utc).Zone;

    /// <summary>True while arrivals may be shown at once: the first page with no row open.</summary>
    private bool FollowsLive => _page == 0 && _openId is null;

    private int PageCount => (int)Math.Min(int.MaxValue, (_total + PageSize - 1) / PageSize);

    private string TotalText => _loading && _rows.Count == 0
        ? ""
        : _totalIsLowerBound
            ? $"More than {_total:N0} events"
            : _total == 1 ? "1 event" : $"{_total:N0} events";

    protected override async Task OnParametersSetAsync()
    {
        var searchKey = $"{Q}\n{Zone.Id}";
        var key = $"{searchKey}\n{PageNumber}";
        if (key == _shownKey)
        {
            return;
        }

        // A new search starts from the newest event again; another page of the same search keeps its anchor.
        if (_shownKey is null || !_shownKey.StartsWith(searchKey + "\n", StringComparison.Ordinal))
        {
            _anchorId = null;
            _newCount = 0;
        }

        _shownKey = key;
        _query = EventQuery.Parse(Q, Zone);
        _text = Q;
        _range = ToRange(_query);
        _page = Math.Max(0, (PageNumber ?? 1) - 1);
        _openId = null;
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _live = new LiveRefresher(Feed, update => update.Change != LiveChange.Refresh, OnLiveAsync);
        }
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _anchorId ??= await Search.NewestIdAsync(_closing.Token);
            var page = await Search.SearchAsync(_query, _page, PageSize, _anchorId, _closing.Token);
            _rows = page.Rows;
            _descriptions = await StoredEventDescriptions.LoadAsync(DbFactory, [.. _rows.Select(r => r.Id)],
                _closing.Token);
            _total = page.Total;
            _totalIsLowerBound = page.TotalIsLowerBound;
            _error = null;
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            _error = "The events could not be read from the database. Check the log and /healthz.";
        }
        finally
        {
            _loading = false;
        }
    }

    private Task OnLiveAsync(LiveBatch batch) => InvokeAsync(async () =>
    {
        try
        {
            var arrived = batch.Missed || batch.Updates.Any(u => u.Change == LiveChange.Received);
            var shownChanged = batch.Missed || batch.Updates.Any(u => _rows.Any(r => r.Id == u.EventId));
            if (arrived && FollowsLive)
            {
                _previousTopId = _rows.Count > 0 ? _rows[0].Id : 0;
                _anchorId = null;
                _newCount = 0;
                await LoadAsync();
            }
            else
            {
                if (arrived)
                {
                    _newCount = await Search.CountNewerAsync(_query, _anchorId ?? 0, _closing.Token);
                }

                if (shownChanged)
                {
                    await LoadAsync();
                }
            }

            StateHasChanged();
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            _error = "New events could not be read from the database. Check the log and /healthz.";
            StateHasChanged();
        }
    });

    private async Task ShowNewestAsync()
    {
        _newCount = 0;
        _anchorId = null;
        _openId = null;
        _previousTopId = _rows.Count > 0 ? _rows[0].Id : 0;
        if (_page == 0)
        {
            await LoadAsync();
            return;
        }

        Navigate(_query.ToText(Zone), page: null);
    }

    private void ToggleRow(TableRowClickEventArgs<EventListRow> click)
    {
        if (click.Item is { } row)
        {
            _openId = _openId == row.Id ? null : row.Id;
        }
    }

    private string RowClass(EventListRow row, int index) =>
        row.Id > _previousTopId && _page == 0 ? "event-new" : "";

    private async Task OnSearchKeyDown(KeyboardEventArgs key)
    {
        if (key.Key == "Enter")
        {
            await ApplyTextAsync(_text ?? "");
        }
    }

    private Task ApplyTextAsync(string text)
    {
        if ((text ?? "").Trim() != (Q ?? "").Trim())
        {
            Navigate(text, page: null);
        }

        return Task.CompletedTask;
    }

    private Task ClearAsync(MouseEventArgs _)
    {
        Navigate(null, page: null);
        return Task.CompletedTask;
    }

    private Task SetFamilyAsync(EventFamily? family) => ApplyQueryAsync(_query with { Family = family });

    private Task SetStatusAsync(EventStatus? status) => ApplyQueryAsync(_query with { Status = status });

    private Task SetRangeAsync(DateRange? range)
    {
        var clock = Clock ?? BrowserClock.Utc;
        DateTimeOffset? after = range?.Start is { } start ? clock.StartOfDay(start) : null;
        DateTimeOffset? before = range?.End is { } end ? clock.StartOfDay(end.AddDays(1)) : null;
        return ApplyQueryAsync(_query with { After = after, Before = before });
    }

    private Task ApplyQueryAsync(EventQuery query)
    {
        Navigate(query.ToText(Zone), page: null);
        return Task.CompletedTask;
    }

    private Task GoToPageAsync(int page)
    {
        Navigate(Q, page == 1 ? null : page);
        return Task.CompletedTask;
    }

    private void Navigate(string? text, int? page)
    {
        var uri = Navigation.GetUriWithQueryParameters("/events", new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            ["page"] = page,
        });
        Navigation.NavigateTo(uri);
    }

    private DateRange? ToRange(EventQuery query)
    {
        if (query.After is null && query.Before is null)
        {
            return null;
        }

        var clock = Clock ?? BrowserClock.Utc;
        DateTime? start = query.After is { } after ? clock.ToLocal(after).Date : null;
        DateTime? end = query.Before is { } before ? clock.ToLocal(before).AddTicks(-1).Date : null;
        return new DateRange(start, end);
    }

    private static string FamilyLabel(EventFamily family) => family switch
    {
        EventFamily.ModuleGroup => "Learning path (module group)",
        EventFamily.PortfolioItem => "Portfolio item",
        EventFamily.CourseFinished => "Course finished",
        EventFamily.TrainingFinished => "Training finished",
        EventFamily.AssignmentGrade => "Assignment grade",
        EventFamily.OfferEvent => "Offer event (enrolment)",
        _ => family.ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        await _closing.CancelAsync();
        _closing.Dispose();
    }
}
