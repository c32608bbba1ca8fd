using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Events;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Components.Pages.EventDetail;

/// <summary>Everything the event detail page shows about one stored event, read in one go.</summary>
public sealed record EventDetailView(
    WebhookEvent Event,
    EventDescription Description,
    string Payload,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    IReadOnlyList<HandlerRun> Runs,
    IReadOnlyList<HandlerWork> Work)
{
    /// <summary>The event with its runs (newest first) and handler work; null when no event has this id.</summary>
    public static async Task<EventDetailView?> LoadAsync(
        IDbContextFactory<PluvoDbContext> dbFactory,
        long id,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.WebhookEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var runs = await db.HandlerRuns.AsNoTracking()
            .Where(r => r.EventId == id)
            .OrderByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        var work = await db.HandlerWork.AsNoTracking()
            .Where(w => w.EventId == id)
            .OrderBy(w => w.HandlerName)
            .ToListAsync(cancellationToken);
        return new EventDetailView(
            stored,
            EventSentences.Describe(stored),
            PayloadText.Pretty(stored.RawBody),
            HeaderRows(stored.Headers),
            runs,
            work);
    }

    /// <summary>The stored headers as name and value; a value sent several times is joined with commas.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> HeaderRows(string headers)
    {
        try
        {
            using var document = JsonDocument.Parse(headers);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new("(not an object)", headers)];
            }

            return
            [
                .. document.RootElement.EnumerateObject()
                    .Select(p => new KeyValuePair<string, string>(p.Name, HeaderValue(p.Value))),
            ];
        }
        catch (JsonException)
        {
            return [new("(unreadable)", headers)];
        }
    }

    private static string HeaderValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(HeaderValue)),
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };
}
