using CommunitySafety.CaseManagement.PersonalData;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>What a subject's erasure removes from the case's free text.</summary>
public sealed class RedactionTests
{
    private static readonly PersonalDetails Jordan =
        new("Jordan O'Brien-Example", new DateOnly(2004, 5, 6), "Flat 2, 12 High Street, Margate CT9 1AA", "07700 900123");

    [Theory]
    [InlineData("Jordan O'Brien-Example shouted", "[erased] shouted")]
    [InlineData("JORDAN OBRIEN EXAMPLE was seen", "[erased] was seen")]               // case, apostrophe, hyphen
    [InlineData("jordan said", "[erased] said")]                                        // a part of the name on its own
    [InlineData("Mr Example's car", "Mr [erased] car")]                                 // possessive
    [InlineData("Jördan was there", "[erased] was there")]                              // accents do not hide it
    [InlineData("Jordanstown is a place", "Jordanstown is a place")]                   // only whole words
    [InlineData("At 12 High Street, Margate", "At [erased], Margate")]                  // the line with the house number
    [InlineData("at 12 high st.", "at [erased].")]                                     // abbreviations
    [InlineData("seen in ct9 1aa and CT91AA", "seen in [erased] and [erased]")]        // the postcode, with or without its space
    [InlineData("Flat 2, 12 High Street, Margate CT9 1AA", "[erased]")]               // the whole address
    [InlineData("High Street car park", "High Street car park")]                       // the street alone is not theirs
    [InlineData("call 07700 900123 or 07700900123 or +44 7700 900 123", "call [erased] or [erased] or +[erased]")]
    [InlineData("born 2004-05-06, i.e. 6 May 2004 (06/05/2004), the 6th May 2004", "born [erased], i.e. [erased] ([erased]), the [erased]")]
    [InlineData("Sam said nothing", "Sam said nothing")]
    [InlineData("", "")]
    public void Every_mention_of_the_subject_is_erased_and_nothing_else(string text, string expected) =>
        Assert.Equal(expected, Redaction.Redact(text, Jordan));

    [Fact]
    public void Overlapping_mentions_become_one_marker_and_decomposed_accents_are_taken_with_their_letter()
    {
        Assert.Equal("[erased] at [erased]", Redaction.Redact("Jordan O'Brien-Example at 12 High Street, Margate CT9 1AA", Jordan));
        var decomposed = "Jose\u0301 left";
        Assert.Equal("[erased] left", Redaction.Redact(decomposed, new PersonalDetails("José", null, null, null)));
    }

    [Fact]
    public void A_subject_with_only_a_name_has_only_their_name_erased_and_particles_stay_unless_in_the_full_name()
    {
        var subject = new PersonalDetails("Anna de la Cruz", null, null, null);
        Assert.Equal("[erased] met de Gaulle and [erased]", Redaction.Redact("Anna de la Cruz met de Gaulle and Cruz", subject));
    }

    [Fact]
    public void An_email_contact_is_erased_as_written()
    {
        var subject = new PersonalDetails("Alex Smith", null, null, "alex.smith@example.org");
        Assert.Equal("wrote from [erased] today", Redaction.Redact("wrote from Alex.Smith@example.org today", subject));
    }
}
