using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults;
using Marten;
using Wolverine;

namespace CommunitySafety.CaseManagement.Cases;

/// <summary>
/// Writes to a case through <see cref="StreamWrites.Append{T}"/> (404, If-Match, ETag, 409 on a lost race), with the
/// case's current text key opened so that the decision can seal its free text. The key is read before the case is
/// fetched for writing; if the case changed in between (its key may have changed with it), the write is refused as a
/// concurrent write (409) rather than sealed under a key that is no longer the case's.
/// </summary>
public static class CaseWrites
{
    public static async Task<IResult> AppendAsync(this IDocumentSession session, CaseKeys keys, Guid caseId, HttpContext http, IMessageBus bus,
        Func<CaseFile, CaseText, IReadOnlyList<object>> decide, Func<IReadOnlyList<object>, object>? respond = null,
        Func<IReadOnlyList<object>, Task>? then = null)
    {
        var seen = caseId == Guid.Empty ? null : await session.LoadAsync<CaseFile>(caseId, http.RequestAborted);
        var text = seen is null ? null : await keys.TextAsync(session, seen, http.RequestAborted);
        return await session.Append<CaseFile>(caseId, http,
            file => file.Version == seen?.Version && text is not null ? decide(file, text) : throw ChangedMeanwhile(),
            bus, IntegrationEvents.None, respond, then);
    }

    public static DomainRuleViolation ChangedMeanwhile() =>
        new("concurrent-write", "The case was changed by another request at the same time. Read it again and retry.", 409);
}

public static class IntegrationEvents
{
    /// <summary>Case events carry personal data (sealed) and never leave CaseManagement.</summary>
    public static object? None(object domainEvent) => null;
}
