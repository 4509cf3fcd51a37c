using System.Globalization;
using CommunitySafety.Web.Api;
using CommunitySafety.Web.Components.Govuk;
using CommunitySafety.Web.Components.Pages.Clerk;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Web.Components.Pages.Funding;

/// <summary>
/// What every funding page shares, modelled on <see cref="ManagerPage"/>: the user and their roles, the record the page is
/// about (403 and 404 as Funding answers them), forms sent Post/Redirect/Get to a page that says what was done
/// (<c>?done=…</c>), and Funding's refusals in plain English, with the figures.
/// </summary>
public abstract class FundingPage : StaffPage
{

    [Inject] protected FundingApi Api { get; set; } = null!;

    protected bool IsOfficer => Http.User.IsInRole(StaffRoles.FundingOfficer);
    protected bool IsFinance => Http.User.IsInRole(StaffRoles.FinanceOfficer);
    protected bool IsBidder => Http.User.IsInRole(StaffRoles.Bidder);

    /// <summary>A read's value, or null with the page's problem set.</summary>
    protected T? Read<T>(ApiResult<T> read) where T : class
    {
        Refused = read.Problem;
        return read.Problem is null ? read.Value : null;
    }

    /// <summary>A form: the site's own checks, then Funding's answer: back to <paramref name="back"/> (done), or the refusal on the form.</summary>
    protected async Task Send(string form, FormErrors errors, Func<Task<Problem?>> send, string back, string done)
    {
        if (Refused is not null) return;
        SentForm = form;
        Errors = errors;
        if (Errors.HasAny) return;
        if (await send() is { } problem)
        {
            Refusal(problem);
            return;
        }
        Redirect(back, done);
    }

    /// <summary>As <see cref="Send"/>, for a write whose answer says where to go next (a new record's page).</summary>
    protected async Task Send<T>(string form, FormErrors errors, Func<Task<ApiResult<T>>> send, Func<T, string> back, string done)
    {
        if (Refused is not null) return;
        SentForm = form;
        Errors = errors;
        if (Errors.HasAny) return;
        var result = await send();
        if (result.Problem is { } problem)
        {
            Refusal(problem);
            return;
        }
        Redirect(back(result.Value!), done);
    }

    /// <summary>
    /// A refusal on the form: on the field it is about when the page says which (<see cref="FieldOf"/>), so the summary links
    /// to it and the field shows it too; else Funding's field errors, or the rule in plain English.
    /// </summary>
    private void Refusal(Problem problem)
    {
        if (problem.Errors.Count == 0 && FieldOf(problem) is { } field)
            Errors.Add(field, Explain(problem) ?? problem.Summary);
        else
            Errors.From(problem, Explain);
    }

    /// <summary>The field of the form last sent that a refused rule is about, if any.</summary>
    protected virtual string? FieldOf(Problem problem) => null;

    protected void Redirect(string path, string done) => Navigation.NavigateTo($"{path}?done={Uri.EscapeDataString(done)}");

    /// <summary>Funding's refusals that name no field, in plain English with their figures; null for Funding's own words.</summary>
    protected static string? Explain(Problem problem)
    {
        decimal? Figure(string name) => problem.Extensions?[name] is { } node && decimal.TryParse(node.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
        return problem.Rule switch
        {
            "over-budget" when Figure("available") is { } available && Figure("requested") is { } requested =>
                $"This award of {Pounds.Of(requested)} would exceed the stream's available budget of {Pounds.Of(available)}. Award {Pounds.Of(available)} or less, or add to the stream's budget first.",
            "budget-below-committed" when Figure("committed") is { } committed =>
                $"The budget cannot go below the {Pounds.Of(committed)} already awarded from this stream.",
            "award-above-request" when Figure("amountRequested") is { } requested =>
                $"An award cannot be more than the {Pounds.Of(requested)} the bid asked for.",
            "decision-unknown" => "That decision has not reached Funding from the decision register yet. Choose another, or try again in a minute.",
            "decision-without-consensus" => "That decision was recorded without consensus: an award needs a decision the partnership reached by consensus.",
            "schedule-exceeds-award" when Figure("unscheduled") is { } room =>
                $"This instalment would take the payment schedule past the award: {Pounds.Of(room)} is left to schedule.",
            "payment-exceeds-award" when Figure("netAmount") is { } net => $"Paying this instalment would take payments above the award of {Pounds.Of(net)}.",
            "spend-exceeds-award" when Figure("netAmount") is { } net => $"Spend to date cannot be more than the award of {Pounds.Of(net)}.",
            "variance-needs-explanation" when Figure("variancePercent") is { } variance && Figure("expectedSpend") is { } expected
                                              && Figure("thresholdPercent") is { } threshold =>
                $"Spend is {variance:+0.##;-0.##}% against the expected {Pounds.Of(expected)}, beyond the {threshold:0.##}% allowed: explain the variance.",
            "reduction-exceeds-award" when Figure("netAmount") is { } net => $"At most the award's {Pounds.Of(net)} can come back from it.",
            "return-exceeds-paid" when Figure("paid") is { } paid => $"The organisation can return at most the {Pounds.Of(paid)} it was paid.",
            "reduce-below-scheduled" when Figure("scheduled") is { } scheduled =>
                $"A clawback cannot take the award below the {Pounds.Of(scheduled)} scheduled: cancel unpaid instalments first.",
            "return-exists" => "A return for that quarter has already been submitted.",
            "bid-closed" => "This bid has been decided or withdrawn: nothing more can happen to it.",
            "not-your-bid" or "not-your-award" => "This belongs to another organisation.",
            _ => null,
        };
    }

    /// <summary>Pounds typed in a box ("1,250.50", "£1250"): positive (or, with <paramref name="allowZero"/>, zero too), in whole pence.</summary>
    protected static decimal? Money(FormErrors errors, string? text, string field, string what, bool allowZero = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"Enter {what}");
            return null;
        }
        var cleaned = text.Trim().Replace("£", "").Replace(",", "").Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || decimal.Round(amount, 2) != amount)
        {
            errors.Add(field, $"{Capital(what)} must be an amount in pounds, like 1,250.50");
            return null;
        }
        if ((amount <= 0 && !allowZero) || amount >= 1_000_000_000m)
        {
            errors.Add(field, $"{Capital(what)} must be {(allowZero ? "£0 or more" : "more than £0")} and less than £1,000,000,000");
            return null;
        }
        return amount;
    }

    protected static DateOnly? Date(FormErrors errors, DateTimeParts parts, string field, string what)
    {
        if (parts.TryDate(what, out var date, out var error)) return date;
        errors.Add(field, error!);
        return null;
    }

    protected static bool Required(FormErrors errors, string? text, string field, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"Enter {what}");
            return false;
        }
        if (text.Length > max)
        {
            errors.Add(field, $"{Capital(what)} must be {max:N0} characters or fewer");
            return false;
        }
        return true;
    }

    protected static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    protected static DateOnly Today => DateOnly.FromDateTime(UkTime.Local(DateTimeOffset.UtcNow));
}

/// <summary>Money as the pages show it: £1,234.56.</summary>
public static class Pounds
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Of(decimal amount) => amount < 0 ? "−£" + (-amount).ToString("N2", Uk) : "£" + amount.ToString("N2", Uk);

    /// <summary>A change: +£1,000.00 or −£500.00.</summary>
    public static string Change(decimal amount) => amount < 0 ? Of(amount) : "+" + Of(amount);

    /// <summary>As typed back into a form: 1250.50.</summary>
    public static string Typed(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
