namespace PluvoDashboard.Cli;

// The things a Pluvo organisation is made of, as the simulator keeps them. Only what a webhook body
// carries is modelled; ids are UUID strings as Pluvo sends them, refs are the organisation's own codes.

/// <summary>A person with a Pluvo account.</summary>
public sealed record Learner(
    string Id,
    string Ref,
    string Name,
    string Email,
    bool IsActive,
    string? AfasPersonId,
    string? AfasEmployeeId,
    IReadOnlyDictionary<string, string> ExtraFields);

/// <summary>A training (learning path) learners follow.</summary>
public sealed record Training(
    string Id,
    string Ref,
    string Title,
    string Subtitle,
    string Introduction,
    DateOnly? StartDate,
    DateOnly? EndDate,
    bool IsActive,
    bool ShowParticipants,
    bool ShowSharedFiles,
    bool EnableChat,
    IReadOnlyDictionary<string, string> ExtraFields);

/// <summary>A group of learners, such as a department or a class.</summary>
public sealed record LearnerGroup(string Id, string Ref, string Name, bool EnableChat);

/// <summary>A step of a training's learning path that unlocks when its conditions are met.</summary>
public sealed record ModuleGroup(
    string Id,
    string Ref,
    string Title,
    Training Training,
    DateTimeOffset UnlocksAt);

/// <summary>An e-learning course in a training; <see cref="Lti"/> is set when an outside tool runs it.</summary>
public sealed record Course(string Id, string Ref, string Title, Training Training, LtiTool? Lti);

/// <summary>The outside tool an LTI course is launched in.</summary>
public sealed record LtiTool(string Id, string Title, string LaunchUrl);

/// <summary>A graded assignment inside one of a training's module groups.</summary>
public sealed record Assignment(
    string Id,
    ModuleGroup ModuleGroup,
    string AssignmentType,
    string ScoreType,
    int Weight);

/// <summary>A scheduled session learners enrol in, such as a classroom day.</summary>
public sealed record OfferEvent(
    string Id,
    string Ref,
    string Title,
    Training Training,
    decimal Price,
    int? MaxSubscriptions,
    bool Cancelled,
    string Kind);

/// <summary>A learner's own record of something learnt elsewhere, with evidence files.</summary>
public sealed record PortfolioItem(
    string Id,
    string Ref,
    Learner Learner,
    string Title,
    string Description,
    DateTimeOffset StartDate,
    DateTimeOffset EndDate,
    IReadOnlyList<string> Files);

/// <summary>A grade a learner got for an assignment; Pluvo sends a new one each time it changes.</summary>
public sealed record Grade(double Score, bool? Fulfilled, string State);

/// <summary>One body ready to post, with the type it carries.</summary>
public sealed record SimulatedDelivery(string EventType, byte[] Body);
