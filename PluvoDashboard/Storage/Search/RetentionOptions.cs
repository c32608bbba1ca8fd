namespace PluvoDashboard.Storage.Search;

/// <summary>How long stored events are kept (<c>Retention:Days</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Events received longer ago than this many days are deleted; 0 keeps them forever.</summary>
    public int Days { get; set; }
}
