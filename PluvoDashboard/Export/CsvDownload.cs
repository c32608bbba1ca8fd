using System.Globalization;
using CsvHelper;

namespace PluvoDashboard.Export;

/// <summary>
/// A CSV file streamed to the browser row by row as the database reads it: UTF-8, RFC 4180 quoting, a header,
/// and any text cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) prefixed
/// with a single quote.
/// </summary>
public static class CsvDownload
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
    };

    /// <summary>The file name for a download: <c>completions-2026-12-03.csv</c>.</summary>
    public static string FileName(string what, DateTimeOffset now) =>
        $"{what}-{now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";

    /// <summary>An instant as ISO 8601 in UTC, e.g. <c>2026-12-03T10:15:00.000Z</c>; empty for none.</summary>
    public static string? Instant(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    public static string? Flag(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    /// <summary>
    /// The result that writes <paramref name="header"/> and then one record per row as the rows arrive; every
    /// cell is text, so every cell gets the formula protection. Rows are read only once the answer is being sent.
    /// </summary>
    public static IResult Result<TRow>(
        string fileName,
        string[] header,
        IAsyncEnumerable<TRow> rows,
        Func<TRow, string?[]> cells,
        CancellationToken cancellationToken) => Results.Stream(async body =>
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        foreach (var name in header)
        {
            csv.WriteField(name);
        }

        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in cells(row))
            {
                csv.WriteField(cell);
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }, ContentType, fileName);
}
