using System.Globalization;
using System.Net;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// A message handler that loses the race for its stream to a user's write is handled again on the fresh state (one policy
/// for every handler: ConcurrentWrites.RetryLostRaces), instead of failing the message (issue 15 point 3).
/// </summary>
public sealed class LostRaceHandlerTests(GovernanceFixture fixture) : IDisposable
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    public void Dispose() => fixture.Races.Disarm();

    [Fact]
    public async Task An_ISA_review_reminder_that_loses_the_race_for_the_organisation_is_raised_on_the_fresh_state()
    {
        var organisation = await _admin.RegisterOrganisation();
        var reviewOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(200); // its reminder is months away: the test sends it
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostJson(GovernanceApi.IsaUrl(organisation), new
        {
            signedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), signedBy = "Jo Bloggs", reviewOn = reviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).StatusCode);

        // meanwhile, twice, a reminder of an earlier review date is written to the organisation's stream
        var earlier = reviewOn.AddYears(-1);
        fixture.Races.Arm(organisation, times: 2, () => new IsaReviewReminderRaised(organisation, earlier, DateTimeOffset.UtcNow));
        await fixture.Receive(new RemindIsaReview(organisation, reviewOn));

        Assert.Equal(2, fixture.Races.Lost);
        var (body, _) = await _admin.ReadOrganisation(organisation);
        Assert.Equal([earlier.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), earlier.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            body["isaReviewReminders"]!.AsArray().Select(d => d!.GetValue<string>()).Order());
    }
}
