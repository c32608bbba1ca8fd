namespace PluvoDashboard.Events;

/// <summary>
/// Compares Pluvo field names ignoring letter case and underscores, so <c>sent_date</c>, <c>sentDate</c>
/// and <c>SentDate</c> name the same field. Pluvo mixes both spellings within one body, and the JSON
/// serializer's case-insensitive matching cannot see past the underscore.
/// </summary>
internal sealed class FieldNameComparer : IEqualityComparer<string>
{
    public static FieldNameComparer Instance { get; } = new();

    public bool Equals(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        var i = 0;
        var j = 0;
        while (true)
        {
            i = SkipUnderscores(x, i);
            j = SkipUnderscores(y, j);
            if (i == x.Length || j == y.Length)
            {
                return i == x.Length && j == y.Length;
            }

            if (char.ToLowerInvariant(x[i]) != char.ToLowerInvariant(y[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    public int GetHashCode(string name)
    {
        var hash = new HashCode();
        foreach (var c in name)
        {
            if (c != '_')
            {
                hash.Add(char.ToLowerInvariant(c));
            }
        }

        return hash.ToHashCode();
    }

    private static int SkipUnderscores(string name, int index)
    {
        while (index < name.Length && name[index] == '_')
        {
            index++;
        }

        return index;
    }
}
