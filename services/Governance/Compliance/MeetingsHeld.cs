using CommunitySafety.Contracts.Meetings;

namespace CommunitySafety.Governance.Compliance;

/// <summary>Governance's record of a meeting Meetings says was held: the compliance checklist counts the public ones.</summary>
public sealed class HeldMeeting
{
    public Guid Id { get; set; }
    public Guid BodyId { get; set; }
    public bool Public { get; set; }
    public DateTimeOffset StartsAt { get; set; }
}

public static class MeetingHeldHandler
{
    /// <summary>An upsert by meeting id: redelivery changes nothing.</summary>
    public static void Handle(MeetingHeld e, IDocumentSession session) =>
        session.Store(new HeldMeeting { Id = e.MeetingId, BodyId = e.BodyId, Public = e.Public, StartsAt = e.StartsAt });
}
