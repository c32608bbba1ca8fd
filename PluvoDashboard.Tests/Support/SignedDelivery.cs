using System.Net.Http.Headers;
using System.Text;
using PluvoDashboard.Intake;

namespace PluvoDashboard.Tests.Support;

/// <summary>
/// Builds a webhook request the way Pluvo sends it: the body, an <c>X-Signature-Salt</c>, and an
/// <c>X-Signature</c> made with the documented reading. Each part can be changed to build a bad one.
/// </summary>
public sealed class SignedDelivery
{
    private byte[] _body;
    private string _salt = "salt-0001";
    private string _key = PluvoApp.WebhookKey;
    private string? _signature;
    private bool _withSignature = true;

    private SignedDelivery(byte[] body) => _body = body;

    public static SignedDelivery Of(string json) => new(Encoding.UTF8.GetBytes(json));

    public static SignedDelivery Of(byte[] body) => new(body);

    /// <summary>A realistic USER_CREATED delivery; <paramref name="id"/> makes the body unique.</summary>
    public static SignedDelivery UserCreated(string id = "933d8663-edf6-42c9-895a-eeec13fff0ab") => Of($$"""
        {"id":"{{id}}","ref":"user-ref","event":"USER_CREATED","name":"Zoë Ñúñez","email":"zoe@example.com",
        "isActive":true,"afas_person_id":null,"afas_employee_id":null,"extraFields":{"Afdeling":"Marketing"},
        "sentDate":"2026-12-01T10:15:00.000Z"}
        """);

    public byte[] Body => _body;

    public SignedDelivery WithSalt(string salt)
    {
        _salt = salt;
        return this;
    }

    public SignedDelivery SignedWith(string key)
    {
        _key = key;
        return this;
    }

    /// <summary>Sends this exact <c>X-Signature</c> instead of a computed one.</summary>
    public SignedDelivery WithSignature(string signature)
    {
        _signature = signature;
        return this;
    }

    public SignedDelivery WithoutSignature()
    {
        _withSignature = false;
        return this;
    }

    public string Signature => _signature ?? SignatureVerifier.Sign(_body, _salt, _key);

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, IntakeEndpoints.WebhookPath)
        {
            Content = new ByteArrayContent(_body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (_withSignature)
        {
            request.Headers.Add("X-Signature", Signature);
            request.Headers.Add("X-Signature-Salt", _salt);
        }

        return request;
    }
}
