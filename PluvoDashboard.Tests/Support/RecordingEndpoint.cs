using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PluvoDashboard.Tests.Support;

/// <summary>
/// A real HTTP server on a free loopback port, standing in for a forwarding destination: it records every
/// request and answers as the test's script says (a status, after an optional delay).
/// </summary>
public sealed class RecordingEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _calls;

    private RecordingEndpoint(Func<int, (int Status, TimeSpan Delay)> script)
    {
        Script = script;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var call = Interlocked.Increment(ref _calls);
            _requests.Enqueue(new RecordedRequest(
                body.ToArray(),
                http.Request.Headers.ToDictionary(
                    h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            var (status, delay) = Script(call);
            await Task.Delay(delay);
            http.Response.StatusCode = status;
        });
    }

    /// <param name="script">From the call number (1, 2, ...) to the status to answer and the delay before it.</param>
    public static async Task<RecordingEndpoint> StartAsync(Func<int, (int Status, TimeSpan Delay)> script)
    {
        var endpoint = new RecordingEndpoint(script);
        await endpoint._app.StartAsync();
        return endpoint;
    }

    /// <summary>How the endpoint answers; a test can change it, e.g. to mend a failing destination.</summary>
    public Func<int, (int Status, TimeSpan Delay)> Script { get; set; }

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features
        .GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/hook");

    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record RecordedRequest(byte[] Body, IReadOnlyDictionary<string, string> Headers);
