using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunitySafety.Web;

/// <summary>
/// Who the site is for, from configuration (<c>Partnership:*</c>): its name in the header and titles, its brand colour,
/// and how residents report anti-social behaviour. One build serves any partnership.
/// </summary>
public sealed partial record Partnership
{
    public const string Section = "Partnership";

    /// <summary>The partnership's name, shown in the header and every page title.</summary>
    public string Name { get; init; } = "Community Safety Partnership";

    /// <summary>A sentence or two on what the partnership is, for the home page.</summary>
    public string About { get; init; } =
        "The partnership brings together the police, fire and rescue, councils, the NHS, probation and the Police and Crime " +
        "Commissioner to reduce crime and anti-social behaviour and to help people feel safe where they live.";

    /// <summary>The header's brand colour (<c>#rrggbb</c>); white text must read on it (WCAG AA, 4.5:1).</summary>
    public string BrandColour { get; init; } = "#1d70b8";

    /// <summary>The phone number to report anti-social behaviour to the council (shown on the home page).</summary>
    public string ReportPhone { get; init; } = "101";

    /// <summary>Where to report anti-social behaviour online, if the council has such a page.</summary>
    public string? ReportUrl { get; init; }

    /// <summary>Who to contact about the site's accessibility (the accessibility statement names it).</summary>
    public string AccessibilityContact { get; init; } = "communitysafety@example.gov.uk";

    /// <summary>Reads and checks the section: a start-up error names a bad value, as every setting of the platform does.</summary>
    public static Partnership From(IConfiguration configuration)
    {
        var partnership = configuration.GetSection(Section).Get<Partnership>() ?? new Partnership();
        if (string.IsNullOrWhiteSpace(partnership.Name))
            throw new InvalidOperationException("Partnership__Name must not be empty.");
        if (!HexColour().IsMatch(partnership.BrandColour))
            throw new InvalidOperationException($"Partnership__BrandColour must be a colour like #1d70b8, not '{partnership.BrandColour}'.");
        var contrast = ContrastWithWhite(partnership.BrandColour);
        if (contrast < 4.5)
            throw new InvalidOperationException(
                $"Partnership__BrandColour {partnership.BrandColour} gives white text a contrast of {contrast:0.0}:1; WCAG AA needs 4.5:1. Choose a darker colour.");
        return partnership;
    }

    /// <summary>WCAG 2 contrast ratio of white on the colour.</summary>
    public static double ContrastWithWhite(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
        return 1.05 / (luminance + 0.05);
    }

    /// <summary>The stylesheet that sets GOV.UK Frontend's brand colours (CSS custom properties) to the partnership's.</summary>
    public string ThemeCss() =>
        $":root{{--govuk-brand-colour:{BrandColour};}}\n";

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
