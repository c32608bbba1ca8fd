using System.Text.Json;

namespace PluvoDashboard.Components.Pages.ReadModels;

/// <summary>The organisation's own fields of a learner or training, read from their stored JSON object.</summary>
public static class ExtraFields
{
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return document.RootElement.EnumerateObject()
                .Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString() ?? "",
                    JsonValueKind.Null => "",
                    _ => p.Value.GetRawText(),
                }))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
