using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Marten.Services;

namespace CommunitySafety.CaseManagement.Audit;

/// <summary>
/// Audits every request to <c>/api/cases/*</c>, whatever its answer (401 without a valid token, 403, 400, 404, 409, 5xx,
/// and every success), in one place instead of in each endpoint. It runs outside everything else but routing: it reads the
/// route as the request comes in, and the final status and the authenticated user (none for a 401) once it is answered.
/// <para>
/// Durability: the answer is held back (buffered) until its entries are committed, so nothing is answered that the
/// audit does not hold, whenever the process dies. A request that writes case events commits its entries in the same
/// transaction as those events (<see cref="AuditWithCaseWrites"/>; status pending), and the middleware completes them
/// with the status before answering; a write is therefore never committed without its entry either. If the audit cannot
/// be written, a success is not sent: the answer becomes a 503 <c>audit-unavailable</c> (a refusal still goes out, and
/// the failure is logged).
/// </para>
/// </summary>
public sealed class CaseAccessAuditMiddleware(RequestDelegate next, IDocumentStore store, TimeProvider clock, IProblemDetailsService problems,
    ILogger<CaseAccessAuditMiddleware> logger)
{
    public const string Prefix = "/api/cases";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments(Prefix))
        {
            await next(http);
            return;
        }

        var record = new CaseAuditRecord(Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier, clock.GetUtcNow(), RequestFacts.Of(http));
        http.Features.Set(record);
        var answer = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        ExceptionDispatchInfo? escaped = null;
        try
        {
            await next(http);
        }
        catch (Exception e)
        {
            escaped = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            http.Response.Body = answer;
        }

        var status = escaped is null ? http.Response.StatusCode : StatusCodes.Status500InternalServerError;
        record.Answered = true;
        var entries = record.Entries(http.User, status);
        var audited = await TryWriteAsync(entries);
        escaped?.Throw();

        if (!audited && status < 400 && !record.CommittedWithWrite)
        {
            // never disclose case data the audit does not record
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "5";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Type = Problems.TypeFor("audit-unavailable"),
                    Title = "Service temporarily unavailable",
                    Detail = "The access audit cannot be written just now, so case data is not disclosed. Retry in 5 seconds.",
                },
            });
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(answer, http.RequestAborted);
    }

    private async Task<bool> TryWriteAsync(IReadOnlyList<AuditEntry> entries)
    {
        try
        {
            await using var session = store.LightweightSession();
            session.Store(entries.ToArray());
            // not the request's token: a client that hangs up is audited all the same
            await session.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e)
        {
            var entry = entries[0];
            logger.LogError(e, "The access audit could not be written: {Method} {Route} case {CaseId} by {UserSubject} of {OrganisationId}, status {Status}",
                entry.Method, entry.Route, entry.CaseId, entry.UserSubject, entry.OrganisationId, entry.Status);
            return false;
        }
    }
}

/// <summary>
/// Commits a request's audit entries (status pending) in the same transaction as the case events the request writes,
/// so that no write is committed without its entry, even if the process dies before it answers. Registered with Marten
/// for every session; it acts only on a session of a <c>/api/cases/*</c> request not yet answered that appends events.
/// </summary>
public sealed class AuditWithCaseWrites(IHttpContextAccessor accessor) : DocumentSessionListenerBase
{
    private const string PendingKey = "casemanagement.audit-pending";

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (accessor.HttpContext is not { } http || http.Features.Get<CaseAuditRecord>() is not { Answered: false } record) return;
        if (session.PendingChanges.Streams().Count == 0) return;
        // the table may not exist yet in a new database: Marten has already ensured the tables of the session's own operations
        await session.Database.EnsureStorageExistsAsync(typeof(AuditEntry), token);
        session.Store(record.Entries(http.User, status: null).ToArray());
        http.Items[PendingKey] = session;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (accessor.HttpContext is { } http && http.Items.TryGetValue(PendingKey, out var pending) && ReferenceEquals(pending, session)
            && http.Features.Get<CaseAuditRecord>() is { } record)
            record.CommittedWithWrite = true;
        return Task.CompletedTask;
    }
}
