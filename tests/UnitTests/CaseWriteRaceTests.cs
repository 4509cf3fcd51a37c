using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>A case write that notices before its commit that an erasure got there first lost a race, like one Marten refuses at the commit.</summary>
public sealed class CaseWriteRaceTests
{
    [Fact]
    public void A_case_changed_meanwhile_is_a_lost_race_decided_again_without_If_Match()
    {
        var changed = CaseKeys.ChangedMeanwhile();
        Assert.True(ConcurrentWrites.IsLostRace(changed));
        Assert.True(ConcurrentWrites.IsLostRace(new InvalidOperationException("wrapped", changed)));
    }
}
