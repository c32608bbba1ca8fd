using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace PluvoDashboard.Events;

/// <summary>
/// What <see cref="PluvoEventParser.Parse"/> made of a stored body: the typed event, or a sentence saying why
/// the body cannot be read as its type. Exactly one of the two is set.
/// </summary>
public sealed record EventParseResult
{
    private EventParseResult(PluvoEvent? parsed, string? error)
    {
        Event = parsed;
        Error = error;
    }

    public PluvoEvent? Event { get; }

    /// <summary>
    /// Names the event type and what could not be read, as a sentence fit to store as a failed handler run's
    /// error.
    /// </summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded
    {
        get
        {
            if (Event is not null)
            {
                return true;
            }

            return Error is null ? throw new UnreachableException("A result has an event or an error.") : false;
        }
    }

    public static EventParseResult Parsed(PluvoEvent parsed) => new(parsed, null);

    public static EventParseResult Failed(string error) => new(null, error);
}
