using System.Text.Json;
using System.Text.Json.Serialization;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.Contracts.Meetings;

namespace CommunitySafety.Governance.Webhooks;

/// <summary>
/// A decision event as agencies receive it: a CloudEvents 1.0 event in structured JSON mode
/// (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md). <see cref="Id"/> is stable for one
/// decision event wherever and however often it is delivered.
/// </summary>
public sealed record CloudEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] JsonElement Data)
{
    /// <summary>The structured-mode body: what every webhook attempt sends and signs.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);
}

/// <summary>The decision event types agencies may subscribe to, and how each integration event becomes a CloudEvent.</summary>
public static class DecisionEvents
{
    public const string DecisionRecordedType = "uk.gov.csp.meetings.decision.recorded.v1";
    public const string GrantAwardedType = "uk.gov.csp.funding.grant.awarded.v1";

    public static readonly IReadOnlyList<string> Types = [DecisionRecordedType, GrantAwardedType];

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Whether a decision enters the feed, and so webhooks, the <c>csp.decision-events</c> exchange and open data: only with
    /// its text, never when Meetings withheld it (a confidential body's decision, or under an exempt item), nor when
    /// Governance knows the body as confidential (<paramref name="bodyConfidential"/>: marked here before Meetings heard).
    /// </summary>
    public static bool Publishable(DecisionRecorded e, bool bodyConfidential) => !e.Withheld && !bodyConfidential && e.Text is not null;

    public static CloudEvent From(DecisionRecorded e) =>
        Envelope(e.DecisionId, "/api/meetings", DecisionRecordedType, e.RecordedAt, $"meetings/{e.MeetingId}/decisions/{e.DecisionId}", e);

    public static CloudEvent From(GrantAwarded e) =>
        Envelope(e.AwardId, "/api/funding", GrantAwardedType, e.RecordedAt, $"awards/{e.AwardId}", e);

    private static CloudEvent Envelope<T>(Guid id, string source, string type, DateTimeOffset time, string subject, T data) =>
        new(id.ToString(), source, type, "1.0", time, subject, "application/json", JsonSerializer.SerializeToElement(data, Web));
}

/// <summary>A decision event entered Governance's feed (one stream per event, so a redelivered one is recognised).</summary>
public sealed record DecisionEventPublished(CloudEvent Event, DateTimeOffset ReceivedAt);

/// <summary>Local message: deliver this decision event to every active subscription that wants its type.</summary>
public sealed record FanOutDecisionEvent(CloudEvent Event);
