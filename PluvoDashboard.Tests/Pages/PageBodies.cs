using System.Globalization;
using System.Text.Json;
using static PluvoDashboard.Tests.ReadModels.PluvoBodies;

namespace PluvoDashboard.Tests.Pages;

/// <summary>
/// Webhook bodies for the page tests whose texts can be anything: every text is JSON-encoded, so a title with
/// a quote, a newline or <c>&lt;script&gt;</c> arrives exactly as written.
/// </summary>
public static class PageBodies
{
    /// <summary>The learners' names, sent with every event that names them, as Pluvo does.</summary>
    private static readonly Dictionary<string, string> Names = new()
    {
        ["u-1"] = "Zoë Ñúñez",
        ["u-2"] = "Bram de Vries",
    };

    private static string NameOf(string userId) => Json(Names.GetValueOrDefault(userId, userId));

    public static string Json(string? text) => JsonSerializer.Serialize(text);

    public static string User(string id, string name, string email, int day = 1) => $$"""
        {"event":"USER_CREATED","id":{{Json(id)}},"ref":"ref-{{id}}","name":{{Json(name)}},"email":{{Json(email)}},
        "isActive":true,"afas_person_id":"P-{{id}}","afas_employee_id":null,"extraFields":{"Afdeling":"Zorg"},
        "sentDate":"{{Sent(day)}}"}
        """;

    public static string CourseFinished(string id, string userId, string userName, string title, double? score,
        int day, int seconds = 5100) => $$"""
        {"event":"COURSE_FINISHED","id":{{Json(id)}},"ref":null,"score":{{Number(score)}},
        "time_spent":{"days":0,"seconds":{{seconds}},"microseconds":0},"user":{"id":{{Json(userId)}},
        "name":{{Json(userName)}}},"course":{"id":"c-{{id}}","ref":null,"title":{{Json(title)}},"training_id":"t-1"},
        "lti":null,"type":"COURSE","sentDate":"{{Sent(day)}}"}
        """;

    public static string TrainingFinished(string id, string userId, string userName, string trainingId,
        string title, double? score, int day) => $$"""
        {"event":"TRAINING_FINISHED","id":{{Json(id)}},"ref":null,"score":{{Number(score)}},
        "start_date":"2026-10-01T08:30:00+00:00","user":{"id":{{Json(userId)}},"name":{{Json(userName)}}},
        "training":{"id":{{Json(trainingId)}},"title":{{Json(title)}}},"sentDate":"{{Sent(day)}}"}
        """;

    public static string Portfolio(string type, string id, string userId, string title, string description,
        string[] files, int day) => $$"""
        {"event":"{{type}}","id":{{Json(id)}},"ref":null,"user":{"id":{{Json(userId)}},"name":{{NameOf(userId)}}},
        "title":{{Json(title)}},"description":{{Json(description)}},"start_date":"2026-03-01T09:00:00+01:00",
        "end_date":"2026-03-02T17:00:00+01:00","files":{{JsonSerializer.Serialize(files)}},"sentDate":"{{Sent(day)}}"}
        """;

    public static string Grade(string gradeId, string userId, string assignmentId, string moduleTitle, double score,
        string state, bool fulfilled, int day) => $$$"""
        {"event":"ASSIGNMENT_GRADE_UPDATE","id":{{{Json(gradeId)}}},"score":{{{Number(score)}}},
        "fulfilled":{{{(fulfilled ? "true" : "false")}}},"state":{{{Json(state)}}},"user":{"id":{{{Json(userId)}}},
        "name":{{{NameOf(userId)}}}},"assignment":{"id":{{{Json(assignmentId)}}},
        "event":{"id":"mg-1","title":{{{Json(moduleTitle)}}},
        "training":{"id":"t-1","title":"Safety first"}},"assignment_type":"participant","score_type":"numeral",
        "weight":2},"sentDate":"{{{Sent(day)}}}"}
        """;

    private static string Number(double? value) =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";
}
