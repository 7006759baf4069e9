using System.Globalization;

namespace Rapport.Mime;

/// <summary>Parses message dates as they are really written: RFC 5322 and its obsolete forms
/// (named zones, two-digit years, no seconds, no weekday), asctime, ISO 8601, and junk around them.</summary>
public static class DateParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["BST"] = 1, ["CET"] = 1, ["MET"] = 1, ["WEST"] = 1, ["CEST"] = 2, ["MEST"] = 2, ["EET"] = 2, ["EEST"] = 3,
        ["MSK"] = 3, ["JST"] = 9, ["KST"] = 9, ["HKT"] = 8, ["AEST"] = 10, ["AEDT"] = 11, ["NZST"] = 12, ["NZDT"] = 13,
    };

    /// <summary>The date, or null when no day, month and year can be found.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = HeaderParameters.StripComments(text).Trim();
        if (clean.Length > 0 && char.IsDigit(clean[0]) && clean.Contains('T') &&
            DateTimeOffset.TryParse(clean, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
            return iso;
        int day = -1, month = -1, year = -1, hour = 0, minute = 0, second = 0;
        TimeSpan? offset = null;
        var pm = false;
        foreach (var raw in clean.Split([' ', '\t', ',', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Trim('.');
            if (token.Length == 0) continue;
            if (token[0] is '+' or '-' && token.Length > 1 && char.IsDigit(token[1]))
            {
                if (TryOffset(token, out var off)) offset = off;
                continue;
            }
            if (token.Contains(':'))
            {
                var zoneAt = token.IndexOfAny(['+', '-'], 1);
                if (zoneAt > 0 && TryOffset(token[zoneAt..], out var inline)) { offset = inline; token = token[..zoneAt]; }
                TryTime(token, ref hour, ref minute, ref second);
                continue;
            }
            if (token.Contains('-') && char.IsDigit(token[0]))
            {
                // 05-Jan-2024 or 2024-01-05
                var bits = token.Split('-');
                if (bits.Length == 3 && int.TryParse(bits[0], out var a) && int.TryParse(bits[2], out var c))
                {
                    if (int.TryParse(bits[1], out var b)) { if (bits[0].Length == 4) (year, month, day) = (a, b, c); else (day, month, year) = (a, b, c); }
                    else if (MonthOf(bits[1]) is >= 1 and var m) { day = a; month = m; year = Year(bits[2], c); }
                }
                continue;
            }
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                if (token.Length >= 3 || number > 31 || day >= 0) year = Year(token, number);
                else day = number;
                continue;
            }
            if (MonthOf(token) is >= 1 and var monthNumber) { month = monthNumber; continue; }
            if (token.IndexOfAny(['+', '-']) is > 0 and var sign && TryOffset(token[sign..], out var named))
            {
                offset = named; // "GMT+0100"
                continue;
            }
            if (token.Equals("PM", StringComparison.OrdinalIgnoreCase)) { pm = true; continue; }
            if (offset is null && Zones.TryGetValue(token, out var hours)) offset = TimeSpan.FromHours(hours);
        }
        if (day < 1 || month is < 1 or > 12 || year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month)) return null;
        if (pm && hour < 12) hour += 12;
        if (hour > 23 || minute > 59) return null;
        second = Math.Min(second, 59); // leap second
        var zone = offset is { } o && Math.Abs(o.TotalHours) <= 14 ? o : TimeSpan.Zero;
        return new DateTimeOffset(year, month, day, hour, minute, second, zone);
    }

    private static int MonthOf(string token)
    {
        if (token.Length < 3) return -1;
        var prefix = token[..3].ToLowerInvariant();
        return Array.IndexOf(Months, prefix) + 1 is var m && m > 0 && (token.Length == 3 || char.IsLetter(token[3])) ? m : -1;
    }

    private static int Year(string token, int number) => token.Length switch
    {
        <= 2 => number < 50 ? 2000 + number : 1900 + number,
        3 => 1900 + number,
        _ => number,
    };

    private static bool TryTime(string token, ref int hour, ref int minute, ref int second)
    {
        var dot = token.IndexOf('.');
        if (dot > 0) token = token[..dot];
        var parts = token.Split(':');
        if (parts.Length < 2 || parts.Length > 3) return false;
        if (!int.TryParse(parts[0], out var h) || !int.TryParse(parts[1], out var m)) return false;
        var s = 0;
        if (parts.Length == 3 && !int.TryParse(parts[2], out s)) return false;
        (hour, minute, second) = (h, m, s);
        return h >= 0 && m >= 0 && s >= 0;
    }

    private static bool TryOffset(string token, out TimeSpan offset)
    {
        offset = default;
        var sign = token[0] == '-' ? -1 : 1;
        var digits = token[1..].Replace(":", "");
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        var (h, m) = digits.Length <= 2 ? (value, 0) : (value / 100, value % 100);
        if (h > 14 || m > 59) return false;
        offset = new TimeSpan(sign * h, sign * m, 0);
        return true;
    }
}
