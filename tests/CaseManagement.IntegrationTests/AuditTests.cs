using System.Net;
using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

/// <summary>The access audit: written by one middleware for every request to case data, durably, before the answer leaves.</summary>
public sealed class AuditTests(CaseManagementFixture fixture)
{
    private static string ConnectionString => Environment.GetEnvironmentVariable("ConnectionStrings__casemanagement")!;

    private async Task<Guid> ReferredCase(Guid agency) =>
        await (await fixture.ClientFor(agency, CaseRoles.CaseWorker).ReferCase(new
        {
            referringOfficer = "PC 6", area = "North",
            incidents = new[] { new { date = "2026-11-01", place = "Library", description = "Shouting" } },
            subjects = new[] { new { role = "Perpetrator", name = "Audit " + Guid.NewGuid().ToString("N") } },
        })).CreatedId();

    [Fact]
    public async Task Invalid_unknown_and_unrouted_requests_are_audited_like_the_rest()
    {
        var outsider = await fixture.Organisation(signedIsa: false);
        var caseId = await ReferredCase(await fixture.Organisation(signedIsa: true));

        // an invalid attempt by a non-signatory (Wolverine's validation answers before the endpoint runs)
        var since = DateTimeOffset.UtcNow;
        await (await fixture.ClientFor(outsider, CaseRoles.CaseWorker).CloseCase(caseId, new { reason = "" }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        var invalid = Assert.Single(await fixture.AuditSince(since));
        Assert.Equal((outsider, caseId, 400, AccessOutcome.Refused, "/api/cases/{caseId}/close"),
            (invalid.OrganisationId!.Value, invalid.CaseId!.Value, invalid.Status!.Value, invalid.Outcome, invalid.Route));

        // an unknown case
        var unknown = Guid.NewGuid();
        since = DateTimeOffset.UtcNow;
        await (await fixture.ClientFor(outsider, CaseRoles.CaseWorker).GetSignpost(unknown)).Problem(HttpStatusCode.NotFound, "not-found");
        var notFound = Assert.Single(await fixture.AuditSince(since));
        Assert.Equal((unknown, 404, AccessOutcome.Refused), (notFound.CaseId!.Value, notFound.Status!.Value, notFound.Outcome));

        // a path no endpoint serves: its path as the route
        since = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor(outsider, CaseRoles.CaseWorker).GetAsync("/api/cases/nothing/here/at-all")).StatusCode);
        var unrouted = Assert.Single(await fixture.AuditSince(since));
        Assert.Equal(("/api/cases/nothing/here/at-all", 404, (Guid?)null), (unrouted.Route, unrouted.Status!.Value, unrouted.CaseId));

        // nothing else is audited here: other paths of the service are not case data
        since = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client().GetAsync("/health")).StatusCode);
        Assert.Empty(await fixture.AuditSince(since));
    }

    [Fact]
    public async Task Reading_the_audit_is_audited_for_an_admin_of_a_signatory_and_refused_to_everyone_else()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var caseId = await ReferredCase(agency);
        var since = DateTimeOffset.UtcNow;
        var read = await (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin).GetAudit(caseId: caseId)).Json(HttpStatusCode.OK);
        Assert.Equal(["/api/cases"], read.AsArray().Select(x => x!["route"]!.GetValue<string>()));
        var reading = Assert.Single(await fixture.AuditSince(since));
        Assert.Equal(("/api/cases/audit", caseId, 200, agency), (reading.Route, reading.CaseId!.Value, reading.Status!.Value, reading.OrganisationId!.Value));
        // the next read shows the first
        var again = await (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin).GetAudit(caseId: caseId)).Json(HttpStatusCode.OK);
        Assert.Equal(["/api/cases/audit", "/api/cases"], again.AsArray().Select(x => x!["route"]!.GetValue<string>()));

        await (await fixture.ClientFor(await fixture.Organisation(signedIsa: false), CaseRoles.PartnershipAdmin).GetAudit())
            .Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        await (await fixture.ClientFor(await fixture.LapsedSignatory(), CaseRoles.PartnershipAdmin).GetAudit())
            .Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(agency, CaseRoles.CaseWorker).GetAudit()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetAudit()).StatusCode);
        await (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin).GetAudit(limit: 0)).Problem(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task No_answer_leaves_before_its_entry_is_committed_and_case_data_is_not_disclosed_when_the_audit_cannot_be_written()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var caseId = await ReferredCase(agency);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var table = await AuditTable();

        // while the audit table is locked, the answer waits: it is sent only once its entry is in the database
        await using (var locker = new NpgsqlConnection(ConnectionString))
        {
            await locker.OpenAsync();
            await using var transaction = await locker.BeginTransactionAsync();
            await new NpgsqlCommand($"lock table {table} in access exclusive mode", locker, transaction).ExecuteNonQueryAsync();
            var pending = worker.GetCase(caseId);
            Assert.NotSame(pending, await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(2))));
            await transaction.RollbackAsync();
            await (await pending).Json(HttpStatusCode.OK);
        }

        // if the entry cannot be written, case data is not disclosed (503); a refusal still goes out
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand($"alter table {table} add constraint audit_unavailable check (false) not valid", connection).ExecuteNonQueryAsync();
        try
        {
            var refused = await worker.GetCase(caseId);
            var problem = await refused.Problem(HttpStatusCode.ServiceUnavailable, "audit-unavailable");
            Assert.DoesNotContain("Shouting", problem.ToJsonString());
            Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
            await (await fixture.ClientFor(await fixture.Organisation(signedIsa: false), CaseRoles.CaseWorker).GetCase(caseId))
                .Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        }
        finally
        {
            await new NpgsqlCommand($"alter table {table} drop constraint audit_unavailable", connection).ExecuteNonQueryAsync();
        }
        await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_case_write_commits_the_requests_entry_in_its_own_transaction_before_it_is_answered()
    {
        // a session that appends events while a request to /api/cases is being served (as an endpoint's does)
        var accessor = fixture.Host.Services.GetRequiredService<IHttpContextAccessor>();
        var http = new DefaultHttpContext();
        var record = new CaseAuditRecord("trace-in-transaction", DateTimeOffset.UtcNow,
            new RequestFacts(null, null, null, [], "POST", "/api/cases/{caseId}/close", Guid.NewGuid(), null));
        http.Features.Set(record);
        accessor.HttpContext = http;
        try
        {
            await using (var session = fixture.Store.LightweightSession())
            {
                session.Events.StartStream(Guid.NewGuid(), new TestEvent("x"));
                await session.SaveChangesAsync();
            }
            Assert.True(record.CommittedWithWrite);
            await using var query = fixture.Store.QuerySession();
            var entry = Assert.Single(await query.Query<AuditEntry>().Where(e => e.RequestId == "trace-in-transaction").ToListAsync());
            Assert.Equal((record.Request.CaseId, (int?)null, AccessOutcome.Granted), (entry.CaseId, entry.Status, entry.Outcome)); // not answered yet

            // a session that writes no events (a read, or the middleware's own) leaves nothing; nor does anything once answered
            var read = new CaseAuditRecord("trace-no-write", DateTimeOffset.UtcNow, record.Request);
            http.Features.Set(read);
            await using (var session = fixture.Store.LightweightSession())
            {
                session.Store(new Signatories.IsaSignatory { Id = Guid.NewGuid() });
                await session.SaveChangesAsync();
            }
            Assert.False(read.CommittedWithWrite);
            Assert.Empty(await query.Query<AuditEntry>().Where(e => e.RequestId == "trace-no-write").ToListAsync());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private sealed record TestEvent(string Value);

    private static async Task<string> AuditTable()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var find = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables where table_name = 'mt_doc_auditentry'", connection);
        return (string)(await find.ExecuteScalarAsync() ?? throw new InvalidOperationException("No audit table."));
    }
}
