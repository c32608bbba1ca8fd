using System.Globalization;

namespace PluvoDashboard.Tests.ReadModels;

/// <summary>Small bodies of each family with the fields the projection reads; the sent date is a day at noon.</summary>
public static class PluvoBodies
{
    public static string Sent(int day) => $"2026-11-{day:00}T12:00:00.000Z";

    public static string UserFields(string id, string name, string email = "zoe@example.com") => $$"""
        "id":"{{id}}","ref":"ref-{{id}}","name":"{{name}}","email":"{{email}}","isActive":true,
        "afas_person_id":"P-1","afas_employee_id":null,"extraFields":{"Afdeling":"Marketing"}
        """;

    public static string User(string type, string id, string name, int day, string email = "zoe@example.com") =>
        $$"""{"event":"{{type}}",{{UserFields(id, name, email)}},"sentDate":"{{Sent(day)}}"}""";

    public static string NestedUser(string id, string name) => $$"""{"id":"{{id}}","name":"{{name}}"}""";

    public static string TrainingFields(string id, string title) => $$"""
        "id":"{{id}}","ref":"ref-{{id}}","title":"{{title}}","subtitle":"Basics","introduction":"Hello",
        "startDate":"2026-09-01","endDate":"2027-06-30","isActive":true,"showParticipants":false,
        "showSharedFiles":true,"enableChat":false,"extraFields":{}
        """;

    public static string Training(string type, string id, string title, int day) =>
        $$"""{"event":"{{type}}",{{TrainingFields(id, title)}},"sentDate":"{{Sent(day)}}"}""";

    public static string Group(string type, string id, string name, int day) => $$"""
        {"event":"{{type}}","id":"{{id}}","ref":"g-ref","name":"{{name}}","enableChat":true,
        "sentDate":"{{Sent(day)}}"}
        """;

    public static string PortfolioItem(string type, string id, string title, int day) => $$"""
        {"event":"{{type}}","id":"{{id}}","ref":null,"user":{{NestedUser("u-1", "Zoë")}},"title":"{{title}}",
        "description":"First aid course","start_date":"2026-03-01T09:00:00+01:00",
        "end_date":"2026-03-02T17:00:00+01:00","files":["https://files.example/a.pdf"],"sentDate":"{{Sent(day)}}"}
        """;

    public static string CourseFinished(string id, string user, int day) => $$"""
        {"event":"COURSE_FINISHED","id":"{{id}}","ref":null,"score":7.5,
        "time_spent":{"days":1,"seconds":3600,"microseconds":0},"user":{{user}},
        "course":{"id":"c-1","ref":"c-ref","title":"Fire safety","training_id":"t-1"},"lti":null,"type":"COURSE",
        "sentDate":"{{Sent(day)}}"}
        """;

    public static string TrainingFinished(string id, int day) => $$"""
        {"event":"TRAINING_FINISHED","id":"{{id}}","ref":null,"score":null,"start_date":"2026-10-01T08:30:00+00:00",
        "user":{{NestedUser("u-1", "Zoë")}},"training":{"id":"t-1","title":"Safety first"},"sentDate":"{{Sent(day)}}"}
        """;

    public static string Grade(string gradeId, string assignmentId, double score, string state, int day)
    {
        var number = score.ToString(CultureInfo.InvariantCulture);
        return $$$"""
            {"event":"ASSIGNMENT_GRADE_UPDATE","id":"{{{gradeId}}}","score":{{{number}}},"fulfilled":true,
            "state":"{{{state}}}","user":{{{NestedUser("u-1", "Zoë")}}},"assignment":{"id":"{{{assignmentId}}}",
            "event":{"id":"mg-1","title":"Week 1","training":{"id":"t-1","title":"Safety first"}},
            "assignment_type":"participant","score_type":"numeral","weight":2},"sentDate":"{{{Sent(day)}}}"}
            """;
    }

    public static string ModuleGroup(string type, string? file, int day) => $$"""
        {"event":"{{type}}","id":"mg-1","ref":"mg-ref","title":"Week 1","user":{{NestedUser("u-1", "Zoë")}},
        "training":{"id":"t-1","title":"Safety first"},
        "conditions":[{"type":"AbsoluteDateCondition","date":"2026-12-01T08:00:00+00:00"}],
        "file":{{(file is null ? "null" : $"\"{file}\"")}},"sentDate":"{{Sent(day)}}"}
        """;

    public static string Offer(string type, string status, int day) => $$"""
        {"event":"{{type}}","id":"en-1","ref":null,"user":{{NestedUser("u-1", "Zoë")}},"status":"{{status}}",
        "offer_event":{"id":"oe-1","ref":"oe-ref","title":"Classroom day","price":"149.50",
        "max_subscriptions":12,"cancelled":false,"kind":"CLASSROOM"},"sentDate":"{{Sent(day)}}"}
        """;
}
