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
        var reader = new Utf8JsonReader(body, PluvoJsonReading.Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return EnvelopeResult.Unparseable("The body is not a JSON object.");
        }

        var top = new Fields();
        var user = new Fields();
        var training = new Fields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader);
            reader.Read();
            switch (field)
            {
                case Field.User:
                    ReadNested(ref reader, ref user);
                    break;
                case Field.Training:
                    ReadNested(ref reader, ref training);
                    break;
                default:
                    top.Take(field, ref reader);
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

            var field = FieldOf(ref reader);
            reader.Read();
            fields.Take(field, ref reader);
            reader.Skip();
        }
    }

    /// <summary>The envelope fields, named by their property names in lower case without underscores.</summary>
    private enum Field
    {
        Other,
        Event,
        Id,
        Ref,
        SentDate,
        Name,
        Email,
        Title,
        User,
        Training,
    }

    /// <summary>
    /// Which field a property name stands for, comparing in lower case without underscores, so that
    /// <c>sent_date</c>, <c>sentDate</c> and <c>SentDate</c> agree. Works on the bytes: no string per name.
    /// </summary>
    private static Field FieldOf(ref Utf8JsonReader reader)
    {
        const int Longest = 16;
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > 2 * Longest)
        {
            return Field.Other;
        }

        Span<byte> raw = stackalloc byte[2 * Longest];
        Span<byte> name = stackalloc byte[Longest];
        var count = 0;
        foreach (var b in raw[..reader.CopyString(raw)])
        {
            if (b == (byte)'_')
            {
                continue;
            }

            if (count == Longest)
            {
                return Field.Other;
            }

            name[count++] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
        }

        ReadOnlySpan<byte> normalized = name[..count];
        return normalized switch
        {
            _ when normalized.SequenceEqual("event"u8) => Field.Event,
            _ when normalized.SequenceEqual("id"u8) => Field.Id,
            _ when normalized.SequenceEqual("ref"u8) => Field.Ref,
            _ when normalized.SequenceEqual("sentdate"u8) => Field.SentDate,
            _ when normalized.SequenceEqual("name"u8) => Field.Name,
            _ when normalized.SequenceEqual("email"u8) => Field.Email,
            _ when normalized.SequenceEqual("title"u8) => Field.Title,
            _ when normalized.SequenceEqual("user"u8) => Field.User,
            _ when normalized.SequenceEqual("training"u8) => Field.Training,
            _ => Field.Other,
        };
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

        public void Take(Field field, ref Utf8JsonReader reader)
        {
            switch (field)
            {
                case Field.Event: Event = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                case Field.Id: Id = Scalar(ref reader); break;
                case Field.Ref: Ref = Scalar(ref reader); break;
                case Field.SentDate: SentDate = Scalar(ref reader); break;
                case Field.Name: Name = Scalar(ref reader); break;
                case Field.Email: Email = Scalar(ref reader); break;
                case Field.Title: Title = Scalar(ref reader); break;
            }
        }

        private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(
                reader.HasValueSequence
                    ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)
                    : reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => null,
        };
    }
}
