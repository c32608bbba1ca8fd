using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluvoDashboard.Intake;

/// <summary>Serialisation of the intake's answer, generated at build time rather than reflected per request.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IntakeAnswer))]
internal sealed partial class IntakeJsonContext : JsonSerializerContext;
