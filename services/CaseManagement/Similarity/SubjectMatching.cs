using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Similarity;

/// <summary>
/// What makes two subjects "the same" for similar-case detection: the same normalised name and date of birth, or the
/// same normalised address. Pure functions; the matching keys are then hashed (<see cref="CaseIndex"/>) so that no
/// personal data is stored in clear for the lookup either.
/// </summary>
public static partial class SubjectMatching
{
    /// <summary>Case, accents, punctuation and spacing do not matter: "Sean  O'BRIEN" ≡ "seán obrien".</summary>
    public static string NormaliseName(string name) => Words(name);

    /// <summary>Case, punctuation, spacing (postcodes included) and the usual street abbreviations do not matter.</summary>
    public static string NormaliseAddress(string address)
    {
        var words = Words(address).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Abbreviations.GetValueOrDefault(w, w));
        return string.Concat(words); // joined without spaces: "CT9 1AA" ≡ "ct91aa"
    }

    public static string? NameAndBirthKey(PersonalDetails details) =>
        details.DateOfBirth is { } dob && NormaliseName(details.Name) is { Length: > 0 } name ? $"{name}|{dob:yyyy-MM-dd}" : null;

    public static string? AddressKey(PersonalDetails details) => details.Address is { } address ? AddressKey(address) : null;

    /// <summary>The matching key of an address or a location, or null when nothing is left of it.</summary>
    public static string? AddressKey(string address) => NormaliseAddress(address) is { Length: > 0 } key ? key : null;

    private static string Words(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '’' or '.') continue; // O'Brien ≡ OBrien, St. ≡ St
            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return Spaces().Replace(plain.ToString(), " ").Trim();
    }

    /// <summary>The usual abbreviation of a street word ("street" → "st"), or null.</summary>
    public static string? Abbreviation(string word) => Abbreviations.GetValueOrDefault(word);

    /// <summary>The street word an abbreviation stands for ("st" → "street"), or null.</summary>
    public static string? Expansion(string abbreviation) =>
        Abbreviations.FirstOrDefault(a => a.Value == abbreviation && a.Key != abbreviation).Key;

    private static readonly Dictionary<string, string> Abbreviations = new()
    {
        ["street"] = "st", ["road"] = "rd", ["avenue"] = "ave", ["lane"] = "ln", ["drive"] = "dr", ["close"] = "cl",
        ["court"] = "ct", ["crescent"] = "cres", ["place"] = "pl", ["terrace"] = "ter", ["gardens"] = "gdns", ["square"] = "sq",
        ["flat"] = "flat", ["apartment"] = "flat",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
