extern alias casemanagement;
using casemanagement::CommunitySafety.CaseManagement.PersonalData;
using casemanagement::CommunitySafety.CaseManagement.Similarity;
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

    [Fact]
    public void The_blind_index_is_keyed_and_separates_purposes()
    {
        var a = new BlindIndex(new byte[32]);
        var b = new BlindIndex(Enumerable.Repeat((byte)1, 32).ToArray());
        Assert.Equal(a.Hash("address", "12highstct91aa"), a.Hash("address", "12highstct91aa"));
        Assert.NotEqual(a.Hash("address", "12highstct91aa"), b.Hash("address", "12highstct91aa"));
        Assert.NotEqual(a.Hash("address", "x"), a.Hash("name-dob", "x"));
        Assert.DoesNotContain("high", a.Hash("address", "12highstct91aa"), StringComparison.OrdinalIgnoreCase);
    }
}
