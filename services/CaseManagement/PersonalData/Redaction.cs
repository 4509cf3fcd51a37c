using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CommunitySafety.CaseManagement.Similarity;

namespace CommunitySafety.CaseManagement.PersonalData;

/// <summary>
/// What a subject's erasure removes from a case's free text: every mention of their name (in full, and each part of it),
/// their address (in full, each line with a house number, its postcode with or without its space), their contact (as written, and a phone number
/// whatever its spacing or a +44 prefix) and their date of birth (in the usual written forms). Case, accents,
/// apostrophes, punctuation, spacing and the usual street abbreviations do not hide a mention. Each mention becomes
/// <see cref="Marker"/>. Errs on the side of erasure: a part of the name is removed wherever it stands as a word.
/// </summary>
public static partial class Redaction
{
    public const string Marker = "[erased]";

    /// <summary>Name particles not removed on their own (the full name still is).</summary>
    private static readonly HashSet<string> Particles =
        ["de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "st", "bin", "ibn", "al", "el", "mc", "mac"];

    public static string Redact(string text, PersonalDetails subject)
    {
        var (folded, origin) = Fold(text);
        var spans = new List<(int Start, int End)>();
        foreach (var pattern in Patterns(subject))
            foreach (Match m in pattern.Matches(folded))
                if (m.Length > 0) spans.Add((origin[m.Index], End(text, origin[m.Index + m.Length - 1])));
        if (spans.Count == 0) return text;

        // overlapping mentions, or mentions apart only by spaces and commas ("12 High Street, Margate CT9 1AA"), become one
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && (span.Start <= merged[^1].End || text[merged[^1].End..span.Start].All(c => c is ' ' or ',' or ';' or '\t')))
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            else merged.Add(span);
        }
        var redacted = new StringBuilder(text);
        foreach (var (start, end) in Enumerable.Reverse(merged)) redacted.Remove(start, end - start).Insert(start, Marker);
        return redacted.ToString();
    }

    /// <summary>The mentions looked for, as word sequences of the folded text (see <see cref="Fold"/>).</summary>
    internal static IReadOnlyList<Regex> Patterns(PersonalDetails subject)
    {
        var terms = new List<string>();
        var name = Tokens(subject.Name);
        // a name also as a possessive: "Example's" folds to "examples"
        if (name.Length > 0) terms.Add(Sequence(name) + "s?");
        terms.AddRange(name.Where(p => p.Length >= 2 && !Particles.Contains(p)).Distinct().Select(p => Sequence([p]) + "s?"));

        if (subject.Address is { } address)
        {
            terms.Add(Sequence(Tokens(address)));
            terms.AddRange(AddressLines().Split(address).Where(line => line.Any(char.IsDigit)).Select(line => Sequence(Tokens(line))));
            foreach (var postcode in Postcode().Matches(address).Select(m => Tokens(m.Value)))
            {
                terms.Add(Sequence(postcode));
                terms.Add(Sequence([string.Concat(postcode)])); // "CT9 1AA" ≡ "CT91AA"
            }
        }

        if (subject.Contact is { } contact)
        {
            terms.Add(Sequence(Tokens(contact)));
            var digits = new string([.. contact.Where(char.IsAsciiDigit)]);
            if (digits.Length >= 6 && !contact.Any(char.IsLetter))
            {
                terms.Add(Digits(digits));
                if (digits.StartsWith('0')) terms.Add(Digits("44" + digits[1..])); // 07700 900123 ≡ +44 7700 900123
                if (digits.StartsWith("44", StringComparison.Ordinal)) terms.Add(Digits("0" + digits[2..]));
            }
        }

        if (subject.DateOfBirth is { } dob)
        {
            var en = CultureInfo.InvariantCulture;
            string[] forms = ["yyyy MM dd", "dd MM yyyy", "d M yyyy", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy"];
            terms.AddRange(forms.Select(f => Sequence(Tokens(dob.ToString(f, en)))));
            terms.Add(Sequence(Tokens($"{dob.Day}{Ordinal(dob.Day)} {dob.ToString("MMMM yyyy", en)}")));
        }

        return [.. terms.Where(t => t.Length > 0).Distinct().Select(t => new Regex(@"(?<![\p{L}\p{N}])" + t + @"(?![\p{L}\p{N}])",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];
    }

    /// <summary>
    /// The text as it is compared: accents dropped, lower case, apostrophes removed (O'Brien ≡ OBrien), every other
    /// character that is not a letter or a digit a space; <c>origin[i]</c> is the index in <paramref name="text"/> of folded character i.
    /// </summary>
    internal static (string Folded, int[] Origin) Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '’' or '‘' or '`') continue;
            if (char.IsSurrogate(c))
            {
                folded.Append(' ');
                origin.Add(i);
                continue;
            }
            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark) continue;
                folded.Append(char.IsLetterOrDigit(d) ? char.ToLowerInvariant(d) : ' ');
                origin.Add(i);
            }
        }
        return (folded.ToString(), [.. origin]);
    }

    private static string[] Tokens(string text) => Fold(text).Folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The words in order, separated by anything that is not a letter or digit; street words match their abbreviation.</summary>
    private static string Sequence(IEnumerable<string> tokens) => string.Join(" +", tokens.Select(t =>
        SubjectMatching.Abbreviation(t) is { } abbreviated && abbreviated != t
            ? $"(?:{Regex.Escape(t)}|{Regex.Escape(abbreviated)})"
            : SubjectMatching.Expansion(t) is { } expanded ? $"(?:{Regex.Escape(t)}|{Regex.Escape(expanded)})" : Regex.Escape(t)));

    /// <summary>The digits in order, with any spacing between them.</summary>
    private static string Digits(string digits) => string.Join(" *", digits.Select(d => d.ToString()));

    /// <summary>A mention ends after the combining marks of its last character (a decomposed "é").</summary>
    private static int End(string text, int last)
    {
        var end = last + 1;
        while (end < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[end]) == UnicodeCategory.NonSpacingMark) end++;
        return end;
    }

    private static string Ordinal(int day) => day is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };

    [GeneratedRegex(@"[,;\r\n]+")]
    private static partial Regex AddressLines();

    [GeneratedRegex(@"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b")]
    private static partial Regex Postcode();
}
