using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PluvoDashboard.Cli;

/// <summary>
/// Builds webhook bodies in the shapes Pluvo sends, one method per event family, as UTF-8 JSON. Nested
/// objects are written in full, as real deliveries carry them, not elided as in Pluvo's published examples.
/// </summary>
public static class PluvoEventFactory
{
    // Pluvo sends names with diacritics as plain UTF-8; escaping them would hide a receiver's encoding bugs.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] TrainingEvent(string eventType, Training training, DateTimeOffset sentDate) =>
        Body(eventType, sentDate, json => json.WriteTrainingFields(training));

    public static byte[] UserEvent(string eventType, Learner learner, DateTimeOffset sentDate) =>
        Body(eventType, sentDate, json => json.WriteLearnerFields(learner));

    public static byte[] GroupEvent(string eventType, LearnerGroup group, DateTimeOffset sentDate) =>
        Body(eventType, sentDate, json =>
        {
            json.WriteString("id", group.Id);
            json.WriteString("ref", group.Ref);
            json.WriteString("name", group.Name);
            json.WriteBoolean("enableChat", group.EnableChat);
        });

    /// <summary>A module group unlocked, a file uploaded in it, or its certificate achieved.</summary>
    /// <param name="file">The uploaded file or the certificate; null when the event has none.</param>
    public static byte[] ModuleGroupEvent(
        string eventType,
        ModuleGroup moduleGroup,
        Learner learner,
        string? file,
        DateTimeOffset sentDate) =>
        Body(eventType, sentDate, json =>
        {
            json.WriteString("id", moduleGroup.Id);
            json.WriteString("ref", moduleGroup.Ref);
            json.WriteString("title", moduleGroup.Title);
            json.WriteTraining(moduleGroup.Training);
            json.WriteLearner(learner);
            json.WriteStartArray("conditions");
            json.WriteStartObject();
            json.WriteString("type", "AbsoluteDateCondition");
            json.WriteString("date", PluvoJson.WithUtcOffset(moduleGroup.UnlocksAt));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("file", file);
        });

    public static byte[] PortfolioItemEvent(string eventType, PortfolioItem item, DateTimeOffset sentDate) =>
        Body(eventType, sentDate, json =>
        {
            json.WriteString("id", item.Id);
            json.WriteString("ref", item.Ref);
            json.WriteLearner(item.Learner);
            json.WriteString("title", item.Title);
            json.WriteString("description", item.Description);
            json.WriteString("start_date", PluvoJson.WithOffset(item.StartDate));
            json.WriteString("end_date", PluvoJson.WithOffset(item.EndDate));
            json.WriteStartArray("files");
            foreach (var file in item.Files)
            {
                json.WriteStringValue(file);
            }

            json.WriteEndArray();
        });

    /// <param name="completionId">Pluvo's id of this completion, the subject of the event.</param>
    public static byte[] CourseFinished(
        string completionId,
        Course course,
        Learner learner,
        double score,
        TimeSpan timeSpent,
        DateTimeOffset sentDate) =>
        Body("COURSE_FINISHED", sentDate, json =>
        {
            json.WriteString("id", completionId);
            json.WriteNull("ref");
            json.WriteNumber("score", Math.Round(score, 2));

            // Pluvo's back end serialises a Python timedelta, hence the three parts.
            json.WriteStartObject("time_spent");
            json.WriteNumber("days", timeSpent.Days);
            json.WriteNumber("seconds", (int)(timeSpent - TimeSpan.FromDays(timeSpent.Days)).TotalSeconds);
            json.WriteNumber("microseconds", timeSpent.Milliseconds * 1000 + timeSpent.Microseconds);
            json.WriteEndObject();
            json.WriteLearner(learner);
            json.WriteCourse(course);
            json.WriteString("type", course.Lti is null ? "COURSE" : "LTI");
        });

    public static byte[] TrainingFinished(
        string completionId,
        Training training,
        Learner learner,
        double? score,
        DateTimeOffset startedAt,
        DateTimeOffset sentDate) =>
        Body("TRAINING_FINISHED", sentDate, json =>
        {
            json.WriteString("id", completionId);
            json.WriteNull("ref");
            if (score is { } value)
            {
                json.WriteNumber("score", Math.Round(value, 2));
            }
            else
            {
                json.WriteNull("score");
            }

            json.WriteString("start_date", PluvoJson.WithOffset(startedAt));
            json.WriteLearner(learner);
            json.WriteTraining(training);
        });

    /// <param name="gradeId">Pluvo's id of the learner's grade; it stays the same across updates.</param>
    public static byte[] AssignmentGradeUpdate(
        string gradeId,
        Assignment assignment,
        Learner learner,
        Grade grade,
        DateTimeOffset sentDate) =>
        Body("ASSIGNMENT_GRADE_UPDATE", sentDate, json =>
        {
            json.WriteString("id", gradeId);
            json.WriteNumber("score", Math.Round(grade.Score, 2));
            if (grade.Fulfilled is { } fulfilled)
            {
                json.WriteBoolean("fulfilled", fulfilled);
            }
            else
            {
                json.WriteNull("fulfilled");
            }

            json.WriteString("state", grade.State);
            json.WriteLearner(learner);
            json.WriteAssignment(assignment);
        });

    /// <param name="enrollmentId">Pluvo's id of the learner's enrolment, the subject of the event.</param>
    public static byte[] OfferEventEvent(
        string eventType,
        string enrollmentId,
        OfferEvent offer,
        Learner learner,
        string status,
        DateTimeOffset sentDate) =>
        Body(eventType, sentDate, json =>
        {
            json.WriteString("id", enrollmentId);
            json.WriteNull("ref");
            json.WriteLearner(learner);
            json.WriteString("status", status);
            json.WriteOfferEvent(offer);
        });

    /// <summary>Writes <c>event</c> first and <c>sentDate</c> last around the family's own fields.</summary>
    private static byte[] Body(string eventType, DateTimeOffset sentDate, Action<Utf8JsonWriter> writeFields)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("event", eventType);
            writeFields(json);
            json.WriteString("sentDate", PluvoJson.SentDate(sentDate));
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
