using CommunitySafety.ServiceDefaults;
using Marten;
using Wolverine;

namespace CommunitySafety.Meetings.Meetings;

/// <summary>Changes to a meeting: by the managers of its body (<see cref="ManagedWrites"/>).</summary>
public static class MeetingWrites
{
    public static Task<IResult> Change(IDocumentSession session, Guid meetingId, HttpContext http, IMessageBus bus,
        Func<Meeting, IReadOnlyList<object>> decide, Func<IReadOnlyList<object>, object>? respond = null,
        Func<IReadOnlyList<object>, Task>? then = null) =>
        ManagedWrites.Change(session, meetingId, http, bus, m => m.BodyId, decide, respond, then);
}
