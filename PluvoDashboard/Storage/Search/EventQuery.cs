using System.Globalization;
using System.Text;
using PluvoDashboard.Events;

namespace PluvoDashboard.Storage.Search;

/// <summary>
/// What an admin typed in the events search box, read into its parts: free-text words and phrases that
/// must occur in the payload, and <c>key:value</c> filters on the type, family, status, learner, training
/// and time received. The syntax is
/// <c>word "exact phrase" type:USER_* status:failed user:alice@example.com training:"Safety"
/// family:completion after:2025-01-01 before:2025-02-01</c>. A value that cannot be read never throws: it is
/// left out and a readable message is added to <see cref="Errors"/>.
/// </summary>
/// <remarks>
/// Free text is matched as a substring through a trigram index, which cannot look up fewer than three
/// characters; shorter words are left out with an error (<see cref="MinimumTermLength"/>).
/// </remarks>
public sealed record EventQuery
{
    /// <summary>The shortest free-text word or phrase that can be searched for.</summary>
    public const int MinimumTermLength = 3;

    private static readonly string[] Keys = ["type", "family", "status", "user", "training", "after", "before"];

    /// <summary>The query that matches every event.</summary>
    public static EventQuery Empty { get; } = new();

    /// <summary>Words and phrases that must all occur in the raw payload, case-insensitively.</summary>
    public IReadOnlyList<string> Text { get; init; } = [];

    /// <summary>The event type, with <c>*</c> matching any run of characters (<c>USER_*</c>).</summary>
    public string? EventType { get; init; }

    public EventFamily? Family { get; init; }

    public EventStatus? Status { get; init; }

    /// <summary>A learner's id (exactly), or part of their e-mail address or name.</summary>
    public string? User { get; init; }

    /// <summary>A training's id (exactly), or part of its title.</summary>
    public string? Training { get; init; }

    /// <summary>Received at or after this instant.</summary>
    public DateTimeOffset? After { get; init; }

    /// <summary>Received before this instant.</summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>Why parts of the text were left out; empty when all of it was understood.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Whether the query matches every event (errors aside).</summary>
    public bool IsEmpty => Text.Count == 0 && EventType is null && Family is null && Status is null
        && User is null && Training is null && After is null && Before is null;

    /// <summary>Reads the search box's text.</summary>
    /// <param name="text">What was typed; null or blank gives <see cref="Empty"/>.</param>
    /// <param name="zone">The zone in which a bare date (<c>2025-01-01</c>) means midnight; UTC by default.</param>
    public static EventQuery Parse(string? text, TimeZoneInfo? zone = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        zone ??= TimeZoneInfo.Utc;
        var words = new List<string>();
        var errors = new List<string>();
        var query = new EventQuery();
        foreach (var token in Tokenize(text))
        {
            if (token.Key is { } key && Keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                query = query.With(key.ToLowerInvariant(), token.Value, zone, errors);
                continue;
            }

            // An unknown key is part of the free text, as typed (foo:bar, "foo:bar baz").
            var word = token.Key is null ? token.Value : $"{token.Key}:{token.Value}";
            if (word.Length == 0)
            {
                continue;
            }

            if (word.Length < MinimumTermLength)
            {
                errors.Add($"\"{word}\" is too short: search words need at least {MinimumTermLength} characters.");
                continue;
            }

            words.Add(word);
        }

        return query with { Text = words, Errors = errors };
    }

    /// <summary>
    /// Writes the query in the search box's syntax; <see cref="Parse"/> reads it back to an equal query.
    /// Times that are midnight in <paramref name="zone"/> are written as dates.
    /// </summary>
    public string ToText(TimeZoneInfo? zone = null)
    {
        zone ??= TimeZoneInfo.Utc;
        var parts = new List<string>();
        parts.AddRange(Text.Select(t => Quote(t)));
        Add("type", EventType);
        Add("family", Family?.ToString());
        Add("status", Status is { } status ? StatusName(status) : null);
        Add("user", User);
        Add("training", Training);
        Add("after", After is { } after ? DateText(after, zone) : null);
        Add("before", Before is { } before ? DateText(before, zone) : null);
        return string.Join(' ', parts);

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{key}:{Quote(value, isValue: true)}");
            }
        }
    }

    public bool Equals(EventQuery? other) =>
        other is not null
        && Text.SequenceEqual(other.Text, StringComparer.Ordinal)
        && EventType == other.EventType && Family == other.Family && Status == other.Status
        && User == other.User && Training == other.Training && After == other.After && Before == other.Before
        && Errors.SequenceEqual(other.Errors, StringComparer.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(Text.Count, EventType, Family, Status, User, Training, After, Before);

    /// <summary>The name a status is written with in a query: <c>failing</c>, <c>dead-lettered</c>, ...</summary>
    public static string StatusName(EventStatus status) => status switch
    {
        EventStatus.DeadLettered => "dead-lettered",
        _ => status.ToString().ToLowerInvariant(),
    };

    private EventQuery With(string key, string value, TimeZoneInfo zone, List<string> errors)
    {
        if (value.Length == 0)
        {
            errors.Add($"\"{key}:\" has no value.");
            return this;
        }

        switch (key)
        {
            case "type":
                return this with { EventType = value };
            case "user":
                return this with { User = value };
            case "training":
                return this with { Training = value };
            case "family":
                if (Enum.TryParse<EventFamily>(value, ignoreCase: true, out var family)
                    && Enum.IsDefined(family) && !value.Any(char.IsDigit))
                {
                    return this with { Family = family };
                }

                var families = string.Join(", ", Enum.GetNames<EventFamily>().Select(n => n.ToLowerInvariant()));
                errors.Add($"\"family:{value}\" is not a family; use {families}.");
                return this;
            case "status":
                if (ParseStatus(value) is { } status)
                {
                    return this with { Status = status };
                }

                errors.Add($"\"status:{value}\" is not a status; " +
                    "use pending, processed, failing, dead-lettered or unparseable.");
                return this;
            default:
                if (ParseInstant(value, zone) is not { } instant)
                {
                    errors.Add($"\"{key}:{value}\" is not a date; use yyyy-MM-dd (2025-01-31) " +
                        "or an ISO 8601 time (2025-01-31T14:30:00Z).");
                    return this;
                }

                return key == "after" ? this with { After = instant } : this with { Before = instant };
        }
    }

    private static EventStatus? ParseStatus(string value) => value.ToLowerInvariant() switch
    {
        "pending" => EventStatus.Pending,
        "processed" => EventStatus.Processed,
        "failing" or "failed" => EventStatus.Failing,
        "dead-lettered" or "deadlettered" or "dead" or "dead-letter" or "deadletter" => EventStatus.DeadLettered,
        "unparseable" => EventStatus.Unparseable,
        _ => null,
    };

    private static DateTimeOffset? ParseInstant(string value, TimeZoneInfo zone)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var date))
        {
            return AtZone(date.ToDateTime(TimeOnly.MinValue), zone);
        }

        // A time must say at least the minute, so "2025" or "12" are not read as dates.
        if (!value.Contains('T', StringComparison.OrdinalIgnoreCase) || value.Length < 16)
        {
            return null;
        }

        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, styles | DateTimeStyles.RoundtripKind,
                out var parsed))
        {
            return null;
        }

        return parsed.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(parsed, TimeSpan.Zero),
            DateTimeKind.Local => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, styles),
            _ => AtZone(parsed, zone),
        };
    }

    private static DateTimeOffset AtZone(DateTime local, TimeZoneInfo zone)
    {
        // A local time skipped by a clock change is moved past the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string DateText(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        if (local.TimeOfDay == TimeSpan.Zero && AtZone(local.DateTime, zone) == instant)
        {
            return local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Quotes what would otherwise read differently: spaces, quotes, and a colon in a bare word.</summary>
    private static string Quote(string value, bool isValue = false)
    {
        var plain = value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c == '"' || (c == ':' && !isValue));
        return plain ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private readonly record struct Token(string? Key, string Value);

    /// <summary>
    /// Splits the text at white space outside quotes. A token is <c>key:value</c> when it starts with letters
    /// and a colon; a value or a bare word may be quoted, with <c>""</c> inside quotes for a quote itself.
    /// </summary>
    private static IEnumerable<Token> Tokenize(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                yield break;
            }

            string? key = null;
            var keyEnd = i;
            while (keyEnd < text.Length && char.IsAsciiLetter(text[keyEnd]))
            {
                keyEnd++;
            }

            if (keyEnd > i && keyEnd < text.Length && text[keyEnd] == ':')
            {
                key = text[i..keyEnd];
                i = keyEnd + 1;
            }

            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    value.Append(text[i++]);
                }
            }

            yield return new Token(key, value.ToString());
        }
    }
}
