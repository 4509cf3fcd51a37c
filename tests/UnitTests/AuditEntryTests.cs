using CommunitySafety.CaseManagement.Audit;
using System.Security.Claims;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>How one request to case data becomes entries of the access audit.</summary>
public sealed class AuditEntryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Org = Guid.NewGuid();

    private static RequestFacts Facts(Guid? caseId = null, Guid? subjectId = null, bool signedIn = true) => signedIn
        ? new("user-1", "Una User", Org, ["case-worker"], "POST", "/api/cases/{caseId}/subjects/{subjectId}/erase", caseId, subjectId)
        : new(null, null, null, [], "GET", "/api/cases/{caseId}", caseId, null);

    [Theory]
    [InlineData(200, AccessOutcome.Granted)]
    [InlineData(201, AccessOutcome.Granted)]
    [InlineData(204, AccessOutcome.Granted)]
    [InlineData(304, AccessOutcome.Granted)]
    [InlineData(400, AccessOutcome.Refused)]
    [InlineData(401, AccessOutcome.Refused)]
    [InlineData(403, AccessOutcome.Refused)]
    [InlineData(404, AccessOutcome.Refused)]
    [InlineData(409, AccessOutcome.Refused)]
    [InlineData(412, AccessOutcome.Refused)]
    [InlineData(500, AccessOutcome.Failed)]
    [InlineData(503, AccessOutcome.Failed)]
    [InlineData(null, AccessOutcome.Granted)] // committed with a write, not answered yet
    public void The_outcome_follows_the_status(int? status, AccessOutcome expected) => Assert.Equal(expected, AuditEntries.OutcomeOf(status));

    [Fact]
    public void A_request_about_one_case_is_one_entry_saying_who_what_which_case_and_subject_and_how_it_was_answered()
    {
        var caseId = Guid.NewGuid();
        var subjectId = Guid.NewGuid();
        var id = Guid.NewGuid();
        var entry = Assert.Single(AuditEntries.For(Facts(caseId, subjectId), "trace-1", T0, [], null, 204, _ => id));
        Assert.Equal(["case-worker"], entry.Roles);
        Assert.Equal(new AuditEntry(id, "trace-1", T0, "user-1", "Una User", Org, entry.Roles, "POST", "/api/cases/{caseId}/subjects/{subjectId}/erase",
            caseId, subjectId, 204, AccessOutcome.Granted, null), entry);
    }

    [Fact]
    public void A_request_that_lists_cases_has_one_entry_per_case_the_routes_first_and_a_search_its_hash_on_each()
    {
        var (route, a, b) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var entries = AuditEntries.For(Facts(route), "trace-2", T0, [a, route, b, a], "k1:ABCD", 200, _ => Guid.NewGuid());
        Assert.Equal([route, a, b], entries.Select(e => e.CaseId!.Value));
        Assert.All(entries, e => Assert.Equal(("trace-2", "k1:ABCD", 200), (e.RequestId, e.SearchHash, e.Status)));
        Assert.Equal(3, entries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void A_request_about_no_case_is_still_one_entry_and_an_anonymous_one_names_nobody()
    {
        var none = Assert.Single(AuditEntries.For(Facts(), "trace-3", T0, [], "k1:EMPTY", 200, _ => Guid.NewGuid()));
        Assert.Equal(((Guid?)null, "k1:EMPTY"), (none.CaseId, none.SearchHash)); // a search with no hits
        var anonymous = Assert.Single(AuditEntries.For(Facts(Guid.NewGuid(), signedIn: false), "trace-4", T0, [], null, 401, _ => Guid.NewGuid()));
        Assert.Equal(((string?)null, (Guid?)null, AccessOutcome.Refused, 401), (anonymous.UserSubject, anonymous.OrganisationId, anonymous.Outcome, anonymous.Status));
        Assert.Empty(anonymous.Roles);
    }

    [Fact]
    public void The_record_keeps_its_entry_ids_so_that_the_answer_completes_the_entries_committed_with_a_write()
    {
        var caseId = Guid.NewGuid();
        var record = new CaseAuditRecord("trace-5", T0, Facts(caseId) with { UserSubject = null, UserName = null, OrganisationId = null, Roles = [] });
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "user-9"), new Claim("name", "Nine"), new Claim("org", Org.ToString()), new Claim("role", "panel-chair")], "Bearer", "name", "role"));
        var committed = record.Entries(user, status: null);
        record.List([caseId, Guid.NewGuid()]);
        var answered = record.Entries(user, 200);
        Assert.Equal(committed[0].Id, answered[0].Id);
        Assert.Equal((AccessOutcome.Granted, (int?)null, (int?)200), (committed[0].Outcome, committed[0].Status, answered[0].Status));
        Assert.Equal(("user-9", "Nine", Org, "panel-chair"), (answered[0].UserSubject, answered[0].UserName, answered[0].OrganisationId!.Value, answered[0].Roles.Single()));
        Assert.Equal(2, answered.Count);
        Assert.Equal(answered.Select(e => e.Id), record.Entries(user, 200).Select(e => e.Id));
        // nobody signed in (a 401): no user in the entry
        Assert.Null(Assert.Single(new CaseAuditRecord("trace-6", T0, record.Request).Entries(new ClaimsPrincipal(new ClaimsIdentity()), 401)).UserSubject);
    }
}
