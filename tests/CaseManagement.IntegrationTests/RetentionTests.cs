using System.Net;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Retention;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

/// <summary>Closed cases are erased when their retention period runs out, by a message scheduled at closure.</summary>
public sealed class RetentionTests(CaseManagementFixture fixture)
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Closing_a_case_schedules_its_erasure_which_shreds_its_text_and_every_subject_once_the_period_has_run()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var unique = Guid.NewGuid().ToString("N")[..10];
        var name = "Retained " + unique;
        var secrets = new[]
        {
            name, name + " Witness", $"{unique} Retention Row", $"07700 {unique[..6]}", $"Begging and abuse {unique}", $"PC {unique} Officer",
            $"Bus station {unique}", $"Moved away {unique}", $"Visit {unique} weekly", $"Warned {unique} at the depot", $"Duplicate incident {unique}",
        };
        var caseId = await (await worker.ReferCase(new
        {
            referringOfficer = secrets[5], area = "South",
            incidents = new[] { new { date = "2026-10-01", place = secrets[6], description = secrets[4] } },
            subjects = new object[]
            {
                new { role = "Perpetrator", name, dateOfBirth = "1990-01-01", address = secrets[2], contact = secrets[3] },
                new { role = "Witness", name = secrets[1] },
            },
            locations = new[] { secrets[2] },
        })).CreatedId();
        var subjectId = (await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK))["subjects"]![0]!["subjectId"]!.GetValue<Guid>();
        var today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await worker.AgreeAction(caseId,
            new { ownerOrganisationId = agency, description = secrets[8], dueOn = today.AddDays(5) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await worker.IssueIntervention(caseId,
            new { kind = "Warning", subjectId, issuedOn = today, notes = secrets[9] })).StatusCode);
        // a duplicate merged in: its text goes with the survivor's
        var duplicate = await (await worker.ReferCase(new
        {
            referringOfficer = "PC 10", area = "South",
            incidents = new[] { new { date = "2026-10-02", place = "Depot", description = secrets[10] } },
            subjects = new[] { new { role = "Victim", name = "Dupe " + unique } },
        })).CreatedId();
        Assert.Equal(HttpStatusCode.OK, (await worker.MergeCase(caseId, new { duplicateCaseId = duplicate, reason = "Same" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.CloseCase(caseId, new { outcome = "Resolved", reason = secrets[7] })).StatusCode);
        var closed = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        var closedAt = closed["statusHistory"]![0]!["at"]!.GetValue<DateTimeOffset>();
        var reference = closed["reference"]!.GetValue<string>();

        // the erasure waits in Wolverine's persisted inbox for the end of the default six years
        var scheduled = Assert.Single(await fixture.ScheduledMessages(caseId), m => m.MessageType.Contains(nameof(RetentionDue)));
        var due = closedAt.AddYears(6);
        Assert.Equal(due.AddTicks(-(due.Ticks % 10)), scheduled.ExecutionTime); // PostgreSQL keeps microseconds

        // sealed from the start: no row reveals any of it, in clear, hex or base64 (the scan finds what is in clear: the reference)
        Assert.NotEmpty(await fixture.RowsRevealing(reference));
        foreach (var secret in secrets) Assert.Empty(await fixture.RowsRevealing(secret));

        // delivered early (or to a case reopened since) it erases nothing
        await fixture.Receive(new RetentionDue(caseId, closedAt));
        var before = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        Assert.Equal(name, before["subjects"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(secrets[4], before["incidents"]![0]!["description"]!.GetValue<string>());

        // when the time comes, the handler shreds the case's text key, its subjects' keys and the duplicate's
        await Run(new RetentionDue(caseId, closedAt), closedAt.AddYears(6).AddMinutes(1));
        var after = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        Assert.All(after["subjects"]!.AsArray(), s => Assert.True(s!["erased"]!.GetValue<bool>()));
        Assert.True(after["textErased"]!.GetValue<bool>());
        Assert.Null(after["incidents"]![0]!["description"]);
        Assert.Null(after["referringOfficer"]);
        Assert.Null(after["actions"]![0]!["description"]);
        Assert.Null(after["interventions"]![0]!["notes"]);
        Assert.Null(after["statusHistory"]![0]!["reason"]);
        Assert.Equal((reference, "Closed", "South"), (after["reference"]!.GetValue<string>(), after["status"]!.GetValue<string>(), after["area"]!.GetValue<string>()));
        foreach (var secret in secrets) Assert.DoesNotContain(secret, after.ToJsonString());
        Assert.Equal(6, after["version"]!.GetValue<long>()); // referred, action, intervention, merged in, closed, CaseRetentionErased
        var duplicateView = await (await worker.GetCase(duplicate)).Json(HttpStatusCode.OK);
        Assert.True(duplicateView["textErased"]!.GetValue<bool>());
        Assert.All(duplicateView["subjects"]!.AsArray(), s => Assert.True(s!["erased"]!.GetValue<bool>()));

        // the keys are gone, so the ciphertext left in the old events opens for no one; and no index entry matches any more
        await using (var session = fixture.Store.QuerySession())
        {
            Assert.Null(await session.LoadAsync<ServiceDefaults.DataProtection.DataKey>(subjectId));
            Assert.Empty(await Marten.QueryableExtensions.ToListAsync(session.Query<Similarity.LocationIndexEntry>().Where(e => e.CaseId == caseId), default));
        }
        Assert.Empty((await (await worker.SearchSimilarCases(new { address = secrets[2] })).Json(HttpStatusCode.OK)).AsArray());
        await (await worker.ReopenCase(caseId, new { reason = "New incident" })).Problem(HttpStatusCode.Conflict, "case-erased");

        // the scan of every table (events, documents, Wolverine's inbox, outbox and dead letters) reveals none of it
        Assert.NotEmpty(await fixture.RowsRevealing(reference));
        foreach (var secret in secrets) Assert.Empty(await fixture.RowsRevealing(secret));

        await Run(new RetentionDue(caseId, closedAt), closedAt.AddYears(7)); // a repeated delivery changes nothing
        Assert.Equal(6, (await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK))["version"]!.GetValue<long>());
    }

    private async Task Run(RetentionDue due, DateTimeOffset now)
    {
        var services = fixture.Host.Services;
        await using var session = fixture.Store.LightweightSession();
        await RetentionDueHandler.Handle(due, session, services.GetRequiredService<CaseKeys>(), services.GetRequiredService<RetentionPolicy>(),
            new FixedClock(now), CancellationToken.None);
        await session.SaveChangesAsync();
    }
}
