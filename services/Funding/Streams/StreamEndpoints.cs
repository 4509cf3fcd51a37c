using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Funding.Streams;

public sealed record CreateFundingStream(string? Name, string? Source, int? FinancialYear, decimal? Budget);

/// <summary>Opens a funding stream for a financial year with its budget (e.g. the PCC's Crime Reduction Grant).</summary>
public static class CreateFundingStreamEndpoint
{
    public static ProblemDetails Validate(CreateFundingStream? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("name", command.Name, 200)
            .Text("source", command.Source, 200)
            .Check(command.FinancialYear is >= 2000 and <= 2100, "financialYear", "'financialYear' is required: the year it starts in April (2026 = 2026-27).")
            .Amount("budget", command.Budget)
            .ToProblem();

    [WolverinePost("/api/funding/streams"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<FundingStream>(StatusCodes.Status201Created)]
    public static Task<IResult> Post(CreateFundingStream command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var id = Guid.CreateVersion7();
        var created = new FundingStreamCreated(id, command.Name!.Trim(), command.Source!.Trim(), command.FinancialYear!.Value, command.Budget!.Value,
            http.User.DisplayName(), clock.GetUtcNow());
        return session.Start<FundingStream>(id, [created], $"/api/funding/streams/{id}", bus, IntegrationEvents.ToContract,
            FundingStream.Create(created) with { Version = 1 });
    }
}

public sealed record ChangeBudget(decimal? Change, string? Reason);

/// <summary>Tops up (positive change) or reduces (negative) a stream's budget, with the reason.</summary>
public static class ChangeBudgetEndpoint
{
    public static ProblemDetails Validate(ChangeBudget? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Check(command.Change is { } c && c != 0 && Money.IsPence(c) && Math.Abs(c) < Money.Max, "change",
                "'change' is required: a non-zero amount in whole pence (negative to reduce).")
            .Text("reason", command.Reason, 1000)
            .ToProblem();

    [WolverinePost("/api/funding/streams/{streamId}/budget-changes"), Authorize(Roles = FundingRoles.FundingOfficer)]
    public static Task<IResult> Post(Guid streamId, ChangeBudget command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        session.Append<FundingStream>(streamId, http,
            stream => [FundingStream.DecideBudgetChange(stream, command.Change!.Value, command.Reason!.Trim(), http.User.DisplayName(), clock.GetUtcNow())],
            bus, IntegrationEvents.ToContract);
}

public static class ReadFundingStreamEndpoints
{
    [WolverineGet("/api/funding/streams/{streamId}"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<FundingStream>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid streamId, IQuerySession session, HttpContext http) =>
        StreamWrites.Read(await session.LoadAsync<FundingStream>(streamId, http.RequestAborted), streamId, http, s => s.Version);

    /// <summary>The streams, latest financial year first, a page at a time (<c>limit</c> 1–500, default 100; <c>page</c> from 1).</summary>
    [WolverineGet("/api/funding/streams"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<IReadOnlyList<FundingStream>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(int? financialYear, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        return (await FundingStreamQueries.InYear(session, financialYear).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }
}

public static class FundingStreamQueries
{
    /// <summary>The streams of a financial year (all when null), latest year first, then by name (and id, so that pages never overlap).</summary>
    public static IQueryable<FundingStream> InYear(IQuerySession session, int? financialYear)
    {
        var query = session.Query<FundingStream>().AsQueryable();
        if (financialYear is { } year) query = query.Where(s => s.FinancialYear == year);
        return query.OrderByDescending(s => s.FinancialYear).ThenBy(s => s.Name).ThenBy(s => s.Id);
    }
}
