using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>The quorum rule as a table: who attended, in what capacity, and whether the meeting is quorate.</summary>
public sealed class QuorumTests
{
    // Five responsible authorities and a co-operating body; one member (or two) per organisation.
    private static readonly Guid Police = Guid.NewGuid(), Fire = Guid.NewGuid(), Council = Guid.NewGuid(),
        Health = Guid.NewGuid(), Probation = Guid.NewGuid(), Vru = Guid.NewGuid();

    private static readonly Dictionary<Guid, OrganisationRef> Organisations = new[]
    {
        (Police, OrganisationKind.ResponsibleAuthority), (Fire, OrganisationKind.ResponsibleAuthority),
        (Council, OrganisationKind.ResponsibleAuthority), (Health, OrganisationKind.ResponsibleAuthority),
        (Probation, OrganisationKind.ResponsibleAuthority), (Vru, OrganisationKind.CooperatingBody),
    }.ToDictionary(o => o.Item1, o => new OrganisationRef { Id = o.Item1, Name = o.Item1.ToString(), Kind = o.Item2 });

    private static readonly Guid SubstituteForHealth = Guid.NewGuid();

    // membership ids by a readable key
    private static readonly Dictionary<string, MemberRef> Members = new()
    {
        ["police"] = Member(Police),
        ["police2"] = Member(Police),
        ["fire"] = Member(Fire),
        ["council"] = Member(Council),
        ["health"] = Member(Health, SubstituteForHealth),
        ["probation-ended"] = Member(Probation, ended: true),
        ["vru"] = Member(Vru),
        // a collective seat: a council officer representing three authorities
        ["districts"] = Member(Council, represents: [Council, Fire, Probation]),
    };

    private static MemberRef Member(Guid organisation, Guid? substitute = null, bool ended = false, Guid[]? represents = null) => new()
    {
        Represents = [.. represents ?? []],
        Id = Guid.NewGuid(),
        BodyId = Guid.Empty,
        OrganisationId = organisation,
        PersonName = "someone",
        Appointed = true,
        EndedAt = ended ? DateTimeOffset.UnixEpoch : null,
        Substitutes = substitute is { } s ? [new SubstituteRef(s, "deputy")] : [],
    };

    public static TheoryData<string, int, string[], bool, int> Cases => new()
    {
        // name, minimum, attendance ("key" = present, "key:sub" = named substitute, "key:apologies", "key:wrongsub"), quorate, represented
        { "three authorities and a co-operating body", 4, ["police", "fire", "council", "vru"], false, 3 },
        { "four authorities present", 4, ["police", "fire", "council", "health"], true, 4 },
        { "a named substitute for an absent member counts for the member's authority", 4, ["police", "fire", "council", "health:sub"], true, 4 },
        { "a substitute who was not named does not count", 4, ["police", "fire", "council", "health:wrongsub"], false, 3 },
        { "apologies do not count", 4, ["police", "fire", "council", "health:apologies"], false, 3 },
        { "two people of one authority count once", 4, ["police", "police2", "fire", "council"], false, 3 },
        { "an ended membership does not count", 4, ["police", "fire", "council", "probation-ended"], false, 3 },
        { "a custom minimum of three", 3, ["police", "fire", "council", "vru"], true, 3 },
        { "a custom minimum of five, four present", 5, ["police", "fire", "council", "health"], false, 4 },
        { "nobody present", 4, [], false, 0 },
        { "a collective seat counts as one authority, not as each it represents", 4, ["districts", "police", "health"], false, 3 },
        { "a collective seat and its member's own authority count once", 4, ["districts", "council", "police", "health"], false, 3 },
        { "a collective seat with three others makes four", 4, ["districts", "police", "health", "fire"], true, 4 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quorum_rule(string name, int minimum, string[] attendance, bool quorate, int represented)
    {
        var entries = attendance.Select(a => a.Split(':') switch
        {
            [var key] => new Attendance(Members[key].Id, AttendanceKind.Present, null),
            [var key, "sub"] => new Attendance(Members[key].Id, AttendanceKind.Substitute, SubstituteForHealth),
            [var key, "wrongsub"] => new Attendance(Members[key].Id, AttendanceKind.Substitute, Guid.NewGuid()),
            [var key, "apologies"] => new Attendance(Members[key].Id, AttendanceKind.Apologies, null),
            _ => throw new ArgumentException(a),
        });

        var result = Quorum.Evaluate(minimum, entries, Members.Values.ToDictionary(m => m.Id), Organisations);

        Assert.True(quorate == result.IsQuorate, name);
        Assert.Equal(represented, result.AuthoritiesRepresented.Count);
        Assert.Equal(minimum, result.Required);
    }

    [Fact]
    public void An_organisation_whose_kind_is_not_yet_known_does_not_count()
    {
        var unknownOrg = Guid.NewGuid();
        var member = Member(unknownOrg);
        var result = Quorum.Evaluate(1, [new Attendance(member.Id, AttendanceKind.Present, null)],
            new Dictionary<Guid, MemberRef> { [member.Id] = member }, Organisations);
        Assert.False(result.IsQuorate);
    }
}
