namespace PluvoDashboard.Events;

/// <summary>What a part of an event's sentence is: words, or the name of something with its own page.</summary>
public enum SentencePartKind
{
    Text,
    Learner,
    Training,
}

/// <summary>
/// One piece of an event's sentence. A learner or training part carries the Pluvo id its page is found by;
/// its text is a name taken from the payload, so it is shown as text and never as markup.
/// </summary>
public sealed record SentencePart(SentencePartKind Kind, string Text, string? Id = null)
{
    public static SentencePart Words(string text) => new(SentencePartKind.Text, text);

    /// <summary>Where the part links to; null for words and for names without an id.</summary>
    public string? Href => (Kind, Id) switch
    {
        (_, null) => null,
        (SentencePartKind.Learner, var id) => $"/learners/{Uri.EscapeDataString(id)}",
        (SentencePartKind.Training, var id) => $"/trainings/{Uri.EscapeDataString(id)}",
        _ => null,
    };
}

/// <summary>
/// An event said in words, as parts a page can render with links ("Zoë Ñúñez" to her learner page), or as
/// one plain string for tooltips, tickers and logs.
/// </summary>
public sealed record EventDescription(IReadOnlyList<SentencePart> Parts)
{
    /// <summary>The whole sentence as plain text.</summary>
    public string Text => string.Concat(Parts.Select(p => p.Text));

    public override string ToString() => Text;
}
