using System.Text.Json;

namespace PluvoDashboard.Events;

/// <summary>
/// The fields of one JSON object of a payload, looked up by name in any of Pluvo's spellings (see
/// <see cref="FieldNameComparer"/>). A field that is missing, null or of a type that cannot be read counts as
/// absent, so one odd field never costs the rest of the event; only the <c>Essential</c> readers refuse a
/// value that is present but unreadable, by throwing <see cref="PayloadException"/>.
/// </summary>
internal sealed class PayloadFields
{
    private readonly Dictionary<string, JsonProperty> _byName;
    private readonly string _path;

    private PayloadFields(Dictionary<string, JsonProperty> byName, string path)
    {
        _byName = byName;
        _path = path;
    }

    private delegate bool TryRead<T>(JsonElement value, out T result);

    /// <param name="element">An object; anything else gives an object without fields.</param>
    /// <param name="path">Where the object sits in the body, such as <c>user.</c>, for error messages.</param>
    public static PayloadFields Of(JsonElement element, string path = "")
    {
        var byName = new Dictionary<string, JsonProperty>(FieldNameComparer.Instance);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new PayloadFields(byName, path);
        }

        foreach (var property in element.EnumerateObject())
        {
            // When one field arrives in two spellings, a value beats a null whichever comes first.
            var seen = byName.TryGetValue(property.Name, out var earlier);
            if (!seen || earlier.Value.ValueKind == JsonValueKind.Null)
            {
                byName[property.Name] = property;
            }
        }

        return new PayloadFields(byName, path);
    }

    public string? Text(string name) =>
        TryGet(name, out var property) && PayloadValues.TryText(property.Value, out var text) ? text : null;

    public string? EssentialText(string name)
    {
        if (!TryGet(name, out var property))
        {
            return null;
        }

        return PayloadValues.TryText(property.Value, out var text)
            ? text
            : throw Unreadable(property, "a text or a number");
    }

    public bool? Flag(string name) => Read<bool>(name, PayloadValues.TryFlag);

    public bool? EssentialFlag(string name) =>
        ReadEssential<bool>(name, PayloadValues.TryFlag, "true or false");

    public decimal? Number(string name) => Read<decimal>(name, PayloadValues.TryDecimal);

    public decimal? EssentialNumber(string name) =>
        ReadEssential<decimal>(name, PayloadValues.TryDecimal, "a number");

    public int? WholeNumber(string name) => Read<int>(name, PayloadValues.TryWholeNumber);

    public DateOnly? Day(string name) => Read<DateOnly>(name, PayloadValues.TryDay);

    public DateTimeOffset? Moment(string name) => Read<DateTimeOffset>(name, PayloadValues.TryMoment);

    public TimeSpan? Duration(string name) => Read<TimeSpan>(name, PayloadValues.TryDuration);

    /// <summary>The nested object; null when it is missing, null, or not an object.</summary>
    public PayloadFields? Nested(string name) =>
        TryGet(name, out var property) && property.Value.ValueKind == JsonValueKind.Object
            ? Of(property.Value, $"{_path}{property.Name}.")
            : null;

    /// <summary>The nested object read by <paramref name="read"/>; null when there is no object.</summary>
    public T? Nested<T>(string name, Func<PayloadFields, T> read)
        where T : class =>
        Nested(name) is { } nested ? read(nested) : null;

    /// <summary>The objects in an array field; items that are not objects are left out.</summary>
    public IReadOnlyList<PayloadFields> NestedList(string name)
    {
        if (!TryGet(name, out var property) || property.Value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var path = $"{_path}{property.Name}[].";
        return
        [
            .. property.Value.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.Object)
                .Select(item => Of(item, path)),
        ];
    }

    /// <summary>The texts in an array field, or the one text when a single value was sent instead.</summary>
    public IReadOnlyList<string> TextList(string name)
    {
        if (!TryGet(name, out var property))
        {
            return [];
        }

        if (property.Value.ValueKind != JsonValueKind.Array)
        {
            return PayloadValues.TryText(property.Value, out var single) ? [single] : [];
        }

        var texts = new List<string>();
        foreach (var item in property.Value.EnumerateArray())
        {
            if (PayloadValues.TryText(item, out var text))
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    /// <summary>
    /// An object of free-form fields such as <c>extraFields</c>, with its names exactly as sent. Values are
    /// kept as text; a nested object or array keeps its JSON text rather than being dropped.
    /// </summary>
    public IReadOnlyDictionary<string, string?> TextMap(string name)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!TryGet(name, out var property) || property.Value.ValueKind != JsonValueKind.Object)
        {
            return map;
        }

        foreach (var field in property.Value.EnumerateObject())
        {
            map[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Object or JsonValueKind.Array => field.Value.GetRawText(),
                _ => PayloadValues.TryText(field.Value, out var text) ? text : null,
            };
        }

        return map;
    }

    /// <summary>
    /// The value as sent, for objects the receiver does not model. It is cloned, so keeping it does not keep
    /// the whole body in memory.
    /// </summary>
    public JsonElement? Kept(string name) => TryGet(name, out var property) ? property.Value.Clone() : null;

    /// <summary>Every field except the named ones, values cloned, names as sent.</summary>
    public IReadOnlyDictionary<string, JsonElement> Others(params ReadOnlySpan<string> modelled)
    {
        var others = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, property) in _byName)
        {
            if (!IsAmong(name, modelled))
            {
                others[property.Name] = property.Value.Clone();
            }
        }

        return others;
    }

    private static bool IsAmong(string name, ReadOnlySpan<string> names)
    {
        foreach (var candidate in names)
        {
            if (FieldNameComparer.Instance.Equals(name, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryGet(string name, out JsonProperty property) =>
        _byName.TryGetValue(name, out property) && property.Value.ValueKind != JsonValueKind.Null;

    private T? Read<T>(string name, TryRead<T> read)
        where T : struct =>
        TryGet(name, out var property) && read(property.Value, out var value) ? value : null;

    private T? ReadEssential<T>(string name, TryRead<T> read, string expected)
        where T : struct
    {
        if (!TryGet(name, out var property))
        {
            return null;
        }

        return read(property.Value, out var value) ? value : throw Unreadable(property, expected);
    }

    private PayloadException Unreadable(JsonProperty property, string expected) =>
        new($"\"{_path}{property.Name}\" is {Describe(property.Value)}, which is not {expected}");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the text \"{Shortened(value.GetString()!)}\"",
        _ => value.GetRawText(),
    };

    private static string Shortened(string text) => text.Length > 40 ? $"{text[..40]}..." : text;
}

/// <summary>A payload field that the event cannot do without is present but cannot be read.</summary>
internal sealed class PayloadException(string message) : Exception(message);
