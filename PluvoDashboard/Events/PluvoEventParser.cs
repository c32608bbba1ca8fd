using System.Text.Json;

namespace PluvoDashboard.Events;

/// <summary>
/// Reads a stored delivery's raw body as the typed payload of its family (<see cref="UserEvent"/>,
/// <see cref="CourseFinishedEvent"/>, ...), or as a <see cref="GenericEvent"/> when the type is unknown.
/// </summary>
/// <remarks>
/// Reading goes through <see cref="PayloadFields"/> over a parsed <see cref="JsonElement"/> rather than
/// <see cref="JsonSerializer"/>: the serializer matches one spelling per property and fails the whole document
/// on the first value of the wrong type, while Pluvo's bodies need every spelling of a name and a field
/// that is merely odd must cost only that field.
/// </remarks>
public static class PluvoEventParser
{
    /// <summary>Reads a body as the payload of its event type. Never throws, whatever the bytes.</summary>
    /// <param name="eventType">
    /// The type stored with the delivery; when null or blank the body's own <c>event</c> field is used.
    /// </param>
    /// <param name="rawBody">The body byte for byte as received.</param>
    /// <returns>
    /// The typed event; or a failure when the body is not JSON, is not a JSON object, names no event type,
    /// or carries a field the event means nothing without in a form that cannot be read: the subject's
    /// <c>id</c> as an object or array, a <c>score</c> that is not a number, a <c>fulfilled</c> that is not
    /// true or false, or a <c>status</c> that is not text. Every other field that is missing, null or of
    /// the wrong type reads as null (or empty, for lists and maps), nested objects included.
    /// </returns>
    public static EventParseResult Parse(string? eventType, ReadOnlySpan<byte> rawBody)
    {
        var what = string.IsNullOrWhiteSpace(eventType) ? "event" : eventType;
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(rawBody, PluvoJsonReading.Options);
            root = JsonElement.ParseValue(ref reader);

            // Parsing stops after the first value; reading on refuses whatever follows it.
            if (reader.Read())
            {
                return Failed(what, "the body holds more than one JSON value");
            }
        }
        catch (JsonException ex)
        {
            return Failed(what, $"the body is not valid JSON ({ex.Message})");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            var kind = root.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? "boolean"
                : root.ValueKind.ToString().ToLowerInvariant();
            return Failed(what, $"the body is a JSON {kind}, not an object");
        }

        try
        {
            return Read(eventType, root);
        }
        catch (InvalidOperationException ex)
        {
            // Text that is not valid UTF-8 passes the parse and only fails once a string is taken out.
            return Failed(what, $"the body holds text that cannot be decoded ({ex.Message})");
        }
    }

    private static EventParseResult Read(string? storedType, JsonElement root)
    {
        var body = PayloadFields.Of(root);
        var type = string.IsNullOrWhiteSpace(storedType) ? body.Text("event") : storedType;
        if (string.IsNullOrWhiteSpace(type))
        {
            return Failed("event", "the body has no \"event\" field naming the event type");
        }

        try
        {
            var typed = ReadFamily(type, body, root);
            return EventParseResult.Parsed(typed with
            {
                SentDate = body.Moment("sentDate")?.ToUniversalTime(),
                SubjectId = EventCatalog.IsKnown(type) ? body.EssentialText("id") : body.Text("id"),
                SubjectRef = body.Text("ref"),
            });
        }
        catch (PayloadException ex)
        {
            return Failed(type, ex.Message);
        }
    }

    private static PluvoEvent ReadFamily(string type, PayloadFields body, JsonElement root) =>
        EventCatalog.FamilyOf(type) switch
        {
            EventFamily.Training => new TrainingEvent { EventType = type, Training = PluvoTraining.From(body) },
            EventFamily.User => new UserEvent { EventType = type, User = PluvoUser.From(body) },
            EventFamily.Group => new GroupEvent
            {
                EventType = type,
                Name = body.Text("name"),
                EnableChat = body.Flag("enableChat"),
            },
            EventFamily.ModuleGroup => new ModuleGroupEvent
            {
                EventType = type,
                Title = body.Text("title"),
                User = body.Nested("user", PluvoUser.From),
                Training = body.Nested("training", PluvoTraining.From),
                Conditions = [.. body.NestedList("conditions").Select(ModuleGroupCondition.From)],
                File = body.Text("file"),
            },
            EventFamily.PortfolioItem => new PortfolioItemEvent
            {
                EventType = type,
                User = body.Nested("user", PluvoUser.From),
                Title = body.Text("title"),
                Description = body.Text("description"),
                StartDate = body.Moment("start_date"),
                EndDate = body.Moment("end_date"),
                Files = body.TextList("files"),
            },
            EventFamily.CourseFinished => new CourseFinishedEvent
            {
                EventType = type,
                Score = body.EssentialNumber("score"),
                TimeSpent = body.Duration("time_spent"),
                User = body.Nested("user", PluvoUser.From),
                Course = body.Nested("course", PluvoCourse.From),
                Lti = body.Kept("lti"),
                Type = body.Text("type"),
            },
            EventFamily.TrainingFinished => new TrainingFinishedEvent
            {
                EventType = type,
                Score = body.EssentialNumber("score"),
                StartDate = body.Moment("start_date"),
                User = body.Nested("user", PluvoUser.From),
                Training = body.Nested("training", PluvoTraining.From),
            },
            EventFamily.AssignmentGrade => new AssignmentGradeEvent
            {
                EventType = type,
                Score = body.EssentialNumber("score"),
                Fulfilled = body.EssentialFlag("fulfilled"),
                State = body.Text("state"),
                User = body.Nested("user", PluvoUser.From),
                Assignment = body.Nested("assignment", PluvoAssignment.From),
            },
            EventFamily.OfferEvent => new OfferEventEnrolmentEvent
            {
                EventType = type,
                User = body.Nested("user", PluvoUser.From),
                Status = body.EssentialText("status"),
                OfferEvent = body.Nested("offer_event", PluvoOfferEvent.From),
            },
            _ => new GenericEvent { EventType = type, Content = root },
        };

    private static EventParseResult Failed(string eventType, string problem) =>
        EventParseResult.Failed($"The {eventType} payload cannot be read: {problem}.");
}
