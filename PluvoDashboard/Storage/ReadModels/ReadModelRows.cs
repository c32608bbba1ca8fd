namespace PluvoDashboard.Storage.ReadModels;

/// <summary>
/// A read-model row that follows one Pluvo subject through its events. The ordering guard compares an event's
/// sent date with <see cref="LastSentDate"/>; a delete leaves the row as a tombstone.
/// </summary>
public interface ISubjectRow
{
    /// <summary>Pluvo's id of the subject.</summary>
    string Id { get; set; }

    /// <summary>The sent date of the newest event that changed the row.</summary>
    DateTimeOffset LastSentDate { get; set; }

    bool IsDeleted { get; set; }

    /// <summary>The sent date of the delete; null while the subject exists.</summary>
    DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>A read-model row made from a single event, such as a completion.</summary>
public interface IFromOneEvent
{
    /// <summary>The stored event the row came from; unique, so projecting the event again adds nothing.</summary>
    long EventId { get; set; }
}
