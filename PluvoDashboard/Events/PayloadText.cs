using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PluvoDashboard.Events;

/// <summary>A stored body as text for people to read: indented JSON when it is JSON, else the text as sent.</summary>
public static class PayloadText
{
    // Relaxed escaping keeps "Zoë" and "<" readable. The result is only ever shown as encoded text, never markup.
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Pretty(byte[] rawBody)
    {
        try
        {
            using var document = JsonDocument.Parse(rawBody, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Indented))
            {
                document.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(rawBody);
        }
        catch (InvalidOperationException)
        {
            // Valid JSON structure holding text that is not UTF-8: show the bytes as decoded, replacements and all.
            return Encoding.UTF8.GetString(rawBody);
        }
    }
}
