using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Search;

/// <summary>Small signed deliveries with chosen learners, trainings and sent dates, for search tests.</summary>
internal static class SearchBodies
{
    public static SignedDelivery User(string eventType, string id, string name, string email, int minute = 0) =>
        SignedDelivery.Of($$"""
            {"id":"{{id}}","ref":"ref-{{id}}","event":"{{eventType}}","name":"{{name}}","email":"{{email}}",
            "isActive":true,"extraFields":{},"sentDate":"2026-11-01T10:{{minute:D2}}:00.000Z"}
            """);

    public static SignedDelivery Training(string eventType, string id, string title, int minute = 0) =>
        SignedDelivery.Of($$"""
            {"id":"{{id}}","ref":"ref-{{id}}","event":"{{eventType}}","title":"{{title}}","subtitle":null,
            "introduction":null,"startDate":null,"endDate":null,"isActive":true,"extraFields":{},
            "sentDate":"2026-11-02T09:{{minute:D2}}:00.000Z"}
            """);

    public static async Task PostAsync(this HttpClient client, SignedDelivery delivery)
    {
        using var response = await client.SendAsync(delivery.ToRequest());
        Assert.True(response.IsSuccessStatusCode, $"The delivery was refused: {(int)response.StatusCode}");
    }
}
