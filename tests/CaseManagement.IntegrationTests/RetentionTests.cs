using System.Net;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Retention;
using CommunitySafety.TestSupport;
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
    public async Task Closing_a_case_schedules_its_erasure_which_erases_every_subject_once_the_period_has_run()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var name = "Retained " + Guid.NewGuid().ToString("N")[..10];
        var caseId = await (await worker.PostJson("/api/cases", new
        {
            referringOfficer = "PC 9", area = "South",
            incidents = new[] { new { date = "2026-10-01", place = "Bus station", description = "Begging and abuse" } },
            subjects = new object[]
            {
                new { role = "Perpetrator", name, dateOfBirth = "1990-01-01", address = "1 Retention Row" },
                new { role = "Witness", name = name + " Witness" },
            },
        })).CreatedId();
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostJson($"/api/cases/{caseId}/close", new { outcome = "Resolved", reason = "Moved away" })).StatusCode);
        var closedAt = (await (await worker.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK))["statusHistory"]![0]!["at"]!.GetValue<DateTimeOffset>();

        // the erasure waits in Wolverine's persisted inbox for the end of the default six years
        var scheduled = Assert.Single(await fixture.ScheduledMessages(caseId), m => m.MessageType.Contains(nameof(RetentionDue)));
        var due = closedAt.AddYears(6);
        Assert.Equal(due.AddTicks(-(due.Ticks % 10)), scheduled.ExecutionTime); // PostgreSQL keeps microseconds

        // delivered early (or to a case reopened since) it erases nothing
        await fixture.Receive(new RetentionDue(caseId, closedAt));
        Assert.True(await fixture.RowsContaining(name) == 0); // (sealed: never in clear)
        var before = await (await worker.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK);
        Assert.Equal(name, before["subjects"]![0]!["name"]!.GetValue<string>());

        // when the time comes, the handler erases every subject
        await Run(new RetentionDue(caseId, closedAt), closedAt.AddYears(6).AddMinutes(1));
        var after = await (await worker.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK);
        Assert.All(after["subjects"]!.AsArray(), s => Assert.True(s!["erased"]!.GetValue<bool>()));
        Assert.DoesNotContain(name, after.ToJsonString());
        Assert.Equal(4, after["version"]!.GetValue<long>()); // referred, closed, two SubjectErased

        await Run(new RetentionDue(caseId, closedAt), closedAt.AddYears(7)); // a repeated delivery changes nothing
        Assert.Equal(4, (await (await worker.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK))["version"]!.GetValue<long>());
    }

    private async Task Run(RetentionDue due, DateTimeOffset now)
    {
        var services = fixture.Host.Services;
        await using var session = fixture.Store.LightweightSession();
        await RetentionDueHandler.Handle(due, session, services.GetRequiredService<PersonalDataVault>(), services.GetRequiredService<RetentionPolicy>(),
            new FixedClock(now), CancellationToken.None);
        await session.SaveChangesAsync();
    }
}
