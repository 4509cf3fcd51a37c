using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// Every string a request body carries is text: control characters other than tab, carriage return and line feed are
/// refused as unreadable input (a 400 problem). PostgreSQL's jsonb cannot hold <c>\u0000</c> at all, so before this a
/// name like <c>"a\u0000b"</c> passed validation and failed at commit with a 500 (found by the fuzz test, issue 6).
/// Registered on the HTTP JSON options only: what the services store and send is unaffected.
/// </summary>
public sealed class PlainTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is not null && value.Any(IsForbidden))
            throw new JsonException("Text must not contain control characters (other than tab, carriage return and line feed).");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static bool IsForbidden(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');
}
