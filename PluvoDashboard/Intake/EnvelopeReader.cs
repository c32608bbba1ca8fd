using System.Globalization;
using System.Text.Json;
using PluvoDashboard.Events;

namespace PluvoDashboard.Intake;

/// <summary>
/// Reads the envelope of a Pluvo delivery in one forward pass over the raw bytes. Field names match
/// in camelCase and snake_case alike (<c>sentDate</c>, <c>sent_date</c>); unknown fields are skipped;
/// ids sent as numbers are kept as their text.
/// </summary>
public static class EnvelopeReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    public static EnvelopeResult Read(ReadOnlySpan<byte> body)
    {
        try
        {
            return ReadObject(body);
        }
        catch (JsonException ex)
        {
            return EnvelopeResult.Unparseable($"The body is not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // A string that is not valid UTF-8 surfaces here rather than as a JsonException.
            return EnvelopeResult.Unparseable($"The body is not valid JSON: {ex.Message}");
        }
    }

    private static EnvelopeResult ReadObject(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return EnvelopeResult.Unparseable("The body is not a JSON object.");
        }

        var top = new Fields();
        var user = new Fields();
        var training = new Fields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = NormalizedName(ref reader);
            reader.Read();
            switch (name)
            {
                case "user":
                    ReadNested(ref reader, ref user);
                    break;
                case "training":
                    ReadNested(ref reader, ref training);
                    break;
                default:
                    top.Take(name, ref reader);
                    reader.Skip();
                    break;
            }
        }

        // Reading to the end proves the rest of the document is well formed, too.
        while (reader.Read())
        {
        }

        if (string.IsNullOrWhiteSpace(top.Event))
        {
            return EnvelopeResult.Unparseable("The body has no \"event\" field naming the event type.");
        }

        var family = EventCatalog.FamilyOf(top.Event);
        if (family == EventFamily.User)
        {
            user = top;
        }
        else if (family == EventFamily.Training)
        {
            training = top;
        }

        return new EnvelopeResult(
            new Envelope(
                top.Event,
                family,
                top.Id,
                top.Ref,
                ParseDate(top.SentDate),
                user.Id,
                user.Name,
                user.Email,
                training.Id,
                training.Title),
            null);
    }

    private static void ReadNested(ref Utf8JsonReader reader, ref Fields fields)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var name = NormalizedName(ref reader);
            reader.Read();
            fields.Take(name, ref reader);
            reader.Skip();
        }
    }

    /// <summary>Lower case without underscores, so <c>sent_date</c>, <c>sentDate</c> and <c>SentDate</c> agree.</summary>
    private static string NormalizedName(ref Utf8JsonReader reader)
    {
        var raw = reader.GetString() ?? "";
        return string.Create(raw.Length - raw.AsSpan().Count('_'), raw, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (c != '_')
                {
                    span[i++] = char.ToLowerInvariant(c);
                }
            }
        });
    }

    private static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out var value)
            ? value.ToUniversalTime()
            : null;

    /// <summary>The scalar fields of interest at one level of the document.</summary>
    private struct Fields
    {
        public string? Event;
        public string? Id;
        public string? Ref;
        public string? SentDate;
        public string? Name;
        public string? Email;
        public string? Title;

        public void Take(string name, ref Utf8JsonReader reader)
        {
            switch (name)
            {
                case "event": Event = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                case "id": Id = Scalar(ref reader); break;
                case "ref": Ref = Scalar(ref reader); break;
                case "sentdate": SentDate = Scalar(ref reader); break;
                case "name": Name = Scalar(ref reader); break;
                case "email": Email = Scalar(ref reader); break;
                case "title": Title = Scalar(ref reader); break;
            }
        }

        private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(
                reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => null,
        };
    }
}
