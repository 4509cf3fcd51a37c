using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunitySafety.CaseManagement.PersonalData;

/// <summary>
/// A free text of a case (a description, a reason, a note, a place…) sealed with AES-256-GCM under the case's text key
/// (<see cref="CaseText"/>): base64, stored as a plain JSON string in events, snapshots and documents. Never shown as it is.
/// </summary>
[JsonConverter(typeof(SealedTextConverter))]
public readonly record struct SealedText(string Ciphertext)
{
    /// <summary>Never the ciphertext, so that a sealed text written to a log says only that it is sealed.</summary>
    public override string ToString() => "(sealed)";
}

public sealed class SealedTextConverter : JsonConverter<SealedText>
{
    public override SealedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? new SealedText(reader.GetString()!) : throw new JsonException("A sealed text is a JSON string.");

    public override void Write(Utf8JsonWriter writer, SealedText value, JsonSerializerOptions options) => writer.WriteStringValue(value.Ciphertext);
}
