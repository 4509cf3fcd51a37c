namespace CommunitySafety.Funding;

/// <summary>
/// Money is <see cref="decimal"/> pounds sterling with at most two decimal places (whole pence): never floating point.
/// </summary>
public static class Money
{
    public const string Currency = "GBP";
    public const decimal Max = 1_000_000_000m;

    public static bool IsPence(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>A required, positive amount in whole pence, below a billion.</summary>
    public static FieldErrors Amount(this FieldErrors errors, string field, decimal? amount, bool required = true)
    {
        if (amount is not { } a) return required ? errors.Add(field, $"'{field}' is required (pounds, e.g. 1250.50).") : errors;
        return errors.Check(a > 0 && a < Max && IsPence(a), field, $"'{field}' must be more than 0 and less than {Max:N0}, in whole pence.");
    }
}

/// <summary>A UK public-sector financial year, 1 April to 31 March, named by the year it starts in (2026 = "2026-27").</summary>
public readonly record struct FinancialYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);
    public DateOnly End => new(StartYear + 1, 3, 31);
    public bool Contains(DateOnly date) => date >= Start && date <= End;
    public override string ToString() => $"{StartYear}-{(StartYear + 1) % 100:00}";

    public static FinancialYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);
}
