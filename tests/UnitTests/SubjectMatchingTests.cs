using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Similarity;
using CommunitySafety.ServiceDefaults.DataProtection;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class SubjectMatchingTests
{
    private static readonly DateOnly Dob = new(2004, 5, 6);

    [Theory]
    [InlineData("Sean O'Brien", "  sean   OBRIEN ")]
    [InlineData("Seán O’Brien", "Sean O'Brien")]
    [InlineData("Mary-Jane Smith", "mary jane smith")]
    [InlineData("J. Smith", "j smith")]
    public void Names_match_whatever_their_case_spacing_accents_and_punctuation(string a, string b) =>
        Assert.Equal(SubjectMatching.NameAndBirthKey(new PersonalDetails(a, Dob, null, null)),
            SubjectMatching.NameAndBirthKey(new PersonalDetails(b, Dob, null, null)));

    [Fact]
    public void The_same_name_with_another_date_of_birth_or_none_is_not_a_match()
    {
        var key = SubjectMatching.NameAndBirthKey(new PersonalDetails("Sean O'Brien", Dob, null, null));
        Assert.NotEqual(key, SubjectMatching.NameAndBirthKey(new PersonalDetails("Sean O'Brien", Dob.AddDays(1), null, null)));
        Assert.Null(SubjectMatching.NameAndBirthKey(new PersonalDetails("Sean O'Brien", null, null, null)));
        Assert.NotEqual(key, SubjectMatching.NameAndBirthKey(new PersonalDetails("Shaun O'Brien", Dob, null, null)));
    }

    [Theory]
    [InlineData("12 High Street, Margate CT9 1AA", "12 high st margate ct91aa")]
    [InlineData("Flat 3, 4 Station Road, Ashford, TN23 1PP", "flat 3 4 station rd ashford tn23 1pp")]
    [InlineData("7 Quiet Lane", "7, QUIET LN.")]
    public void Addresses_match_whatever_their_formatting(string a, string b) =>
        Assert.Equal(SubjectMatching.NormaliseAddress(a), SubjectMatching.NormaliseAddress(b));

    [Fact]
    public void Different_addresses_do_not_match()
    {
        Assert.NotEqual(SubjectMatching.NormaliseAddress("12 High Street"), SubjectMatching.NormaliseAddress("21 High Street"));
        Assert.NotEqual(SubjectMatching.NormaliseAddress("12 High Street, CT9 1AA"), SubjectMatching.NormaliseAddress("12 High Street, CT9 1AB"));
    }

    private static CaseIndex Index(string current, params (string Id, byte Fill)[] keys) =>
        new(new KeyRing("Test:IndexKey", keys.ToDictionary(k => k.Id, k => Enumerable.Repeat(k.Fill, 32).ToArray()), current));

    [Fact]
    public void The_blind_index_is_keyed_says_under_which_key_and_keeps_search_hashes_apart_from_its_entries()
    {
        var details = new PersonalDetails("Jordan Example", new DateOnly(2004, 5, 6), "12 High Street, CT9 1AA", null);
        var a = Index("a", ("a", 1));
        var entry = a.Entry(Guid.NewGuid(), Guid.NewGuid(), details);

        Assert.Equal("a", entry.KeyId);
        Assert.Equal(entry.NameAndBirth, a.Entry(Guid.NewGuid(), Guid.NewGuid(), details with { Name = " JORDAN  example" }).NameAndBirth);
        Assert.NotEqual(entry.NameAndBirth, Index("b", ("b", 2)).Entry(Guid.NewGuid(), Guid.NewGuid(), details).NameAndBirth);
        Assert.NotEqual(entry.NameAndBirth, entry.Address);
        Assert.DoesNotContain("high", entry.Address!, StringComparison.OrdinalIgnoreCase);
        // a location that is the subject's address, however written, has the same entry
        Assert.Equal(entry.Address, Assert.Single(a.Locations(Guid.NewGuid(), ["12 high st., ct91aa", "12 HIGH STREET CT9 1AA"])).Address);

        // after a rotation new entries are under the new key (and lookups hash under both: CaseIndex.Probes)
        var rotated = Index("b", ("a", 1), ("b", 2));
        var newer = rotated.Entry(Guid.NewGuid(), Guid.NewGuid(), details);
        Assert.Equal(("b", Index("b", ("b", 2)).Entry(Guid.NewGuid(), Guid.NewGuid(), details).NameAndBirth), (newer.KeyId, newer.NameAndBirth));
        Assert.Equal("b", Assert.Single(rotated.Locations(Guid.NewGuid(), ["12 High Street"])).KeyId);

        // what a search looked for, for the audit: keyed, with its key id, equal for equal searches, unlike any index entry
        var search = a.SearchHash(details);
        Assert.StartsWith("a:", search);
        Assert.Equal(search, a.SearchHash(details with { Name = "jordan example", Address = "12 high st ct9 1aa" }));
        Assert.NotEqual(search, a.SearchHash(details with { DateOfBirth = new DateOnly(2004, 5, 7) }));
        Assert.DoesNotContain(entry.NameAndBirth!, search);
        Assert.DoesNotContain(entry.Address!, search);
        Assert.DoesNotContain("jordan", search, StringComparison.OrdinalIgnoreCase);
    }
}
