using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Similarity;

/// <summary>
/// What makes two subjects "the same" for similar-case detection: the same normalised name and date of birth, or the
/// same normalised address. Pure functions; the matching keys are then hashed (<see cref="BlindIndex"/>) so that no
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

    public static string? AddressKey(PersonalDetails details) =>
        details.Address is { } address && NormaliseAddress(address) is { Length: > 0 } key ? key : null;

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

    private static readonly Dictionary<string, string> Abbreviations = new()
    {
        ["street"] = "st", ["road"] = "rd", ["avenue"] = "ave", ["lane"] = "ln", ["drive"] = "dr", ["close"] = "cl",
        ["court"] = "ct", ["crescent"] = "cres", ["place"] = "pl", ["terrace"] = "ter", ["gardens"] = "gdns", ["square"] = "sq",
        ["flat"] = "flat", ["apartment"] = "flat",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Keyed hashes (HMAC-SHA256) of matching keys: equal keys give equal hashes; a hash alone reveals nothing.</summary>
public sealed class BlindIndex(byte[] key)
{
    public string Hash(string purpose, string matchingKey) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + ":" + matchingKey)));
}
