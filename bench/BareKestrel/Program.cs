using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.HttpResults;

// The same route and the same kind of answer as the webhook endpoint, with no verification and no
// storage: what Kestrel and routing alone cost on this machine under the same load.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

long lastId = 0;

app.MapPost("/webhooks/pluvo", async Task<Ok<Answer>> (HttpContext http) =>
{
    await ReadBodyAsync(http.Request.BodyReader, http.RequestAborted);

    return TypedResults.Ok(new Answer(Interlocked.Increment(ref lastId), Duplicate: false));
});

await app.RunAsync();

// Copies the body out into one array, as the intake does, so both endpoints pay for that.
static async Task<byte[]> ReadBodyAsync(PipeReader reader, CancellationToken aborted)
{
    while (true)
    {
        var result = await reader.ReadAsync(aborted);
        if (result.IsCompleted)
        {
            var body = result.Buffer.ToArray();
            reader.AdvanceTo(result.Buffer.End);
            return body;
        }

        reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
    }
}

internal sealed record Answer(long Id, bool Duplicate);
