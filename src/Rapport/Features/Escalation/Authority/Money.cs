using System.Globalization;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Authority;

/// <summary>
/// Amounts are exact: they travel as <see cref="decimal"/> with at most two decimal places and are stored as a whole
/// number of hundredths (<c>long</c>), so the database compares integers on every provider (SQLite keeps a decimal
/// as text, which compares wrongly). Two places suit the usual currencies; one without cents simply uses none.
/// </summary>
public static class Money
{
    /// <summary>A billion: larger amounts are typing mistakes.</summary>
    public const decimal Max = 1_000_000_000m;

    public static long ToHundredths(decimal amount) => (long)(amount * 100m);

    /// <summary>Hundredths back to an amount with two places: 90000 → 900.00.</summary>
    public static decimal FromHundredths(long hundredths) => hundredths * 0.01m;

    /// <summary>"1,250.00 EUR".</summary>
    public static string Format(long hundredths, string currency) =>
        FromHundredths(hundredths).ToString("#,##0.00", CultureInfo.InvariantCulture) + " " + currency;

    /// <summary>Checks an amount: present, from 0 to <see cref="Max"/>, at most two decimal places; returns its hundredths.</summary>
    public static long? Check(string field, decimal? amount, Validator check, bool allowZero)
    {
        if (amount is not { } value)
        {
            check.Add(field, "Give an amount.");
            return null;
        }
        if (value < 0 || (!allowZero && value == 0) || value > Max)
            check.Add(field, $"Must be {(allowZero ? "from 0" : "more than 0")} up to {Max.ToString("#,##0", CultureInfo.InvariantCulture)}.");
        else if (decimal.Round(value, 2) != value) check.Add(field, "Use at most two decimal places.");
        else return ToHundredths(value);
        return null;
    }
}
