using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Interventions;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record SubjectView(Guid SubjectId, SubjectRole Role, bool Erased, string? Name, DateOnly? DateOfBirth, string? Address, string? Contact);

public sealed record CaseView(
    Guid Id, string Reference, Area Area, Guid ReferringOrganisationId, string ReferringOfficer, DateTimeOffset ReferredAt,
    IReadOnlyList<Incident> Incidents, IReadOnlyList<SubjectView> Subjects, IReadOnlyList<string> Locations, IReadOnlyList<Guid> Agencies,
    RiskLevel? Risk, int? RiskScore, DateOnly? NextReviewDue, IReadOnlyList<RiskAssessed> RiskHistory,
    CaseStatus Status, IReadOnlyList<StatusChange> StatusHistory, long Version,
    DateOnly? ReviewOverdueSince, IReadOnlyList<CaseReviewed> Reviews, IReadOnlyList<ActionView> Actions,
    IReadOnlyList<Intervention> Interventions,
    IReadOnlyList<CaseLink> Links, IReadOnlyList<MergedCase> MergedFrom, Guid? MergedInto, string? MergedIntoReference);

/// <summary>An action with its RAG status as of the day it is read.</summary>
public sealed record ActionView(
    Guid ActionId, Guid OwnerOrganisationId, string Description, DateOnly DueOn, Guid? SittingId, ActionStatus Status, Rag Rag,
    string AgreedBy, DateTimeOffset AgreedAt, IReadOnlyList<ActionStatusChanged> History);

/// <summary>What anyone in the partnership may know: that a case exists, and which agencies are involved.</summary>
public sealed record CaseSignpost(Guid Id, string Reference, Area Area, CaseStatus Status, IReadOnlyList<Guid> Agencies, DateTimeOffset ReferredAt,
    Guid? MergedInto)
{
    public static CaseSignpost Of(CaseFile file) => new(file.Id, file.Reference, file.Area, file.Status, file.Agencies, file.ReferredAt, file.MergedInto);
}

public static class ReadCaseEndpoint
{
    /// <summary>
    /// Case details, personal data unsealed, for users of ISA signatories only. Every read, granted or refused, is
    /// recorded in the access audit (in the same transaction as nothing else: a read's only write is its audit entry).
    /// </summary>
    [WolverineGet("/api/cases/{id}"), Authorize(Roles = CaseRoles.AnyCaseRole)]
    [ProducesResponseType<CaseView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IDocumentSession session, PersonalDataVault vault, TimeProvider clock, HttpContext http)
    {
        var file = await session.LoadAsync<CaseFile>(id, http.RequestAborted);
        if (file is null) return Problems.NotFound("Case", id);

        if (await CaseAccess.ForUserAsync(session, http.User, http.RequestAborted) != AccessLevel.Full)
        {
            // Not thrown: the refusal must commit its audit entry.
            AccessAuditLog.Record(session, http, id, "case-details", AccessOutcome.Refused, clock.GetUtcNow());
            var refusal = Problems.FromRule(CaseAccess.Refusal(CaseAccess.Organisation(http.User)));
            refusal.Extensions["signpost"] = $"/api/cases/{id}/signpost";
            return Results.Problem(refusal);
        }

        var now = clock.GetUtcNow();
        var today = PartnershipCalendar.Today(now);
        AccessAuditLog.Record(session, http, id, "case-details", AccessOutcome.Granted, now);
        var keys = await vault.KeysAsync(session, file.Subjects.Select(s => s.SubjectId), http.RequestAborted);
        var subjects = file.Subjects.Select(s =>
        {
            var details = PersonalDataVault.Unseal(keys.GetValueOrDefault(s.SubjectId), s.Details);
            return new SubjectView(s.SubjectId, s.Role, details is null, details?.Name, details?.DateOfBirth, details?.Address, details?.Contact);
        }).ToList();
        http.Response.Headers.ETag = StreamWrites.ETag(file.Version);
        return Results.Ok(new CaseView(file.Id, file.Reference, file.Area, file.ReferringOrganisationId, file.ReferringOfficer,
            file.ReferredAt, file.Incidents, subjects, file.Locations, file.Agencies, file.CurrentRisk?.Level, file.CurrentRisk?.Score,
            file.ReviewDue, file.RiskHistory, file.Status, file.StatusHistory, file.Version,
            file.ReviewOverdueSince, file.Reviews, file.Actions.Select(a => new ActionView(a.ActionId, a.OwnerOrganisationId, a.Description, a.DueOn,
                a.SittingId, a.Status, a.RagOn(today), a.AgreedBy, a.AgreedAt, a.History)).ToList(),
            file.Interventions,
            file.Links, file.MergedFrom, file.MergedInto, file.MergedIntoReference));
    }

    [WolverineGet("/api/cases/{id}/signpost")]
    [ProducesResponseType<CaseSignpost>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Signpost(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CaseFile>(id, ct) is { } file
            ? Results.Ok(CaseSignpost.Of(file))
            : Problems.NotFound("Case", id);
}
