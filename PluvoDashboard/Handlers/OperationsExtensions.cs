using PluvoDashboard.Cli;
using PluvoDashboard.Intake;

namespace PluvoDashboard.Handlers;

public static class OperationsExtensions
{
    /// <summary>
    /// Registers what the handlers and settings pages run on: the handlers' health figures and the sender of
    /// test events to the app's own webhook endpoint.
    /// </summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HandlerHealth>();
        builder.Services.AddSingleton<TestEventSender>();
        builder.Services.AddHttpClient(
            TestEventSender.HttpClientName, client => client.Timeout = PluvoSender.AnswerTimeout);
        return builder;
    }
}
