using System.Globalization;
using System.Text.Json;

namespace PluvoDashboard.Cli;

/// <summary>
/// Writes the objects Pluvo nests inside its payloads (user, training, offer event, ...) and the date
/// formats it uses: <c>sentDate</c> in UTC with milliseconds, other moments with the Dutch offset.
/// </summary>
internal static class PluvoJson
{
    public static string SentDate(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string WithOffset(DateTimeOffset moment) =>
        AmsterdamTime(moment).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string WithUtcOffset(DateTimeOffset moment) =>
        moment.ToOffset(TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Central European time by the EU rule (summer time from the last Sunday of March to the last Sunday of
    /// October, both at 01:00 UTC), so the output does not depend on the machine's time zone database.
    /// </summary>
    public static DateTimeOffset AmsterdamTime(DateTimeOffset moment)
    {
        var utc = moment.UtcDateTime;
        var summerStarts = LastSunday(utc.Year, 3).AddHours(1);
        var summerEnds = LastSunday(utc.Year, 10).AddHours(1);
        var offset = utc >= summerStarts && utc < summerEnds ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1);
        return moment.ToOffset(offset);
    }

    public static void WriteLearnerFields(this Utf8JsonWriter json, Learner learner)
    {
        json.WriteString("id", learner.Id);
        json.WriteString("ref", learner.Ref);
        json.WriteString("name", learner.Name);
        json.WriteString("email", learner.Email);
        json.WriteBoolean("isActive", learner.IsActive);
        json.WriteString("afas_person_id", learner.AfasPersonId);
        json.WriteString("afas_employee_id", learner.AfasEmployeeId);
        json.WriteExtraFields(learner.ExtraFields);
    }

    public static void WriteLearner(this Utf8JsonWriter json, Learner learner)
    {
        json.WriteStartObject("user");
        json.WriteLearnerFields(learner);
        json.WriteEndObject();
    }

    public static void WriteTrainingFields(this Utf8JsonWriter json, Training training)
    {
        json.WriteString("id", training.Id);
        json.WriteString("ref", training.Ref);
        json.WriteString("title", training.Title);
        json.WriteString("subtitle", training.Subtitle);
        json.WriteString("introduction", training.Introduction);
        json.WriteString("startDate", Day(training.StartDate));
        json.WriteString("endDate", Day(training.EndDate));
        json.WriteBoolean("isActive", training.IsActive);
        json.WriteBoolean("showParticipants", training.ShowParticipants);
        json.WriteBoolean("showSharedFiles", training.ShowSharedFiles);
        json.WriteBoolean("enableChat", training.EnableChat);
        json.WriteExtraFields(training.ExtraFields);
    }

    public static void WriteTraining(this Utf8JsonWriter json, Training training)
    {
        json.WriteStartObject("training");
        json.WriteTrainingFields(training);
        json.WriteEndObject();
    }

    public static void WriteCourse(this Utf8JsonWriter json, Course course)
    {
        json.WriteStartObject("course");
        json.WriteString("id", course.Id);
        json.WriteString("ref", course.Ref);
        json.WriteString("title", course.Title);
        json.WriteString("training_id", course.Training.Id);
        json.WriteEndObject();

        if (course.Lti is null)
        {
            json.WriteNull("lti");
            return;
        }

        json.WriteStartObject("lti");
        json.WriteString("id", course.Lti.Id);
        json.WriteString("title", course.Lti.Title);
        json.WriteString("launch_url", course.Lti.LaunchUrl);
        json.WriteEndObject();
    }

    /// <summary>The module group an assignment belongs to, which Pluvo calls its event.</summary>
    public static void WriteAssignment(this Utf8JsonWriter json, Assignment assignment)
    {
        json.WriteStartObject("assignment");
        json.WriteString("id", assignment.Id);
        json.WriteStartObject("event");
        json.WriteString("id", assignment.ModuleGroup.Id);
        json.WriteString("ref", assignment.ModuleGroup.Ref);
        json.WriteString("title", assignment.ModuleGroup.Title);
        json.WriteTraining(assignment.ModuleGroup.Training);
        json.WriteEndObject();
        json.WriteString("assignment_type", assignment.AssignmentType);
        json.WriteString("score_type", assignment.ScoreType);
        json.WriteNumber("weight", assignment.Weight);
        json.WriteEndObject();
    }

    public static void WriteOfferEvent(this Utf8JsonWriter json, OfferEvent offer)
    {
        json.WriteStartObject("offer_event");
        json.WriteString("id", offer.Id);
        json.WriteString("ref", offer.Ref);
        json.WriteString("title", offer.Title);
        json.WriteString("price", offer.Price.ToString("0.00", CultureInfo.InvariantCulture));
        if (offer.MaxSubscriptions is { } max)
        {
            json.WriteNumber("max_subscriptions", max);
        }
        else
        {
            json.WriteNull("max_subscriptions");
        }

        json.WriteBoolean("cancelled", offer.Cancelled);
        json.WriteString("kind", offer.Kind);
        json.WriteEndObject();
    }

    private static void WriteExtraFields(this Utf8JsonWriter json, IReadOnlyDictionary<string, string> fields)
    {
        json.WriteStartObject("extraFields");
        foreach (var (name, value) in fields)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
