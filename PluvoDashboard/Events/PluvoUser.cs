namespace PluvoDashboard.Events;

/// <summary>
/// A Pluvo user as a payload describes one: the subject of a <c>USER_*</c> event, or the learner nested as
/// <c>user</c> in the others. Nested copies may be partial, so every field can be missing.
/// </summary>
public sealed record PluvoUser
{
    public string? Id { get; init; }

    public string? Ref { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public bool? IsActive { get; init; }

    /// <summary>The person's number in AFAS, the HR system many Pluvo customers link; null for most.</summary>
    public string? AfasPersonId { get; init; }

    public string? AfasEmployeeId { get; init; }

    /// <summary>The organisation's own fields (department, location, ...), names as it wrote them.</summary>
    public IReadOnlyDictionary<string, string?> ExtraFields { get; init; } = new Dictionary<string, string?>();

    internal static PluvoUser From(PayloadFields user) => new()
    {
        Id = user.Text("id"),
        Ref = user.Text("ref"),
        Name = user.Text("name"),
        Email = user.Text("email"),
        IsActive = user.Flag("isActive"),
        AfasPersonId = user.Text("afas_person_id"),
        AfasEmployeeId = user.Text("afas_employee_id"),
        ExtraFields = user.TextMap("extraFields"),
    };
}
