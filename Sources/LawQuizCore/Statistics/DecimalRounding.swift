/// The one rounding rule of every report: figures are computed on exact
/// integers (scores in hundredths of a point, rates as two counts) and
/// rounded half up only when shown, so a table, a CSV, JSON and a workbook
/// made from the same store never show 60.2 in one and 60.3 in another
/// (binary doubles hold 76.35 as 76.349999…, and `%.1f` rounds 60.25 to even).
public enum DecimalRounding {
    /// A score in hundredths of a point. Stored scores are sums of section
    /// points (multiples of 0.01 at worst), so this is exact.
    @inline(__always) public static func hundredths(_ score: Double) -> Int { Int((score * 100).rounded()) }

    /// `numerator / denominator` rounded half up to an integer (denominator > 0):
    /// 2.5 → 3, −2.5 → −2.
    public static func quotient(_ numerator: Int, _ denominator: Int) -> Int {
        let twice = 2 * numerator + denominator, divisor = 2 * denominator
        return twice >= 0 ? twice / divisor : -((-twice + divisor - 1) / divisor)
    }

    /// A value already near a decimal (a stored score, a standard deviation)
    /// scaled by 10^places and rounded half up: (60.25, 1) → 603.
    public static func scaled(_ value: Double, places: Int) -> Int {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        // A tolerance of 1e-9 of a unit keeps 76.35 (76.34999…) from rounding down.
        return Int((value * factor + 0.5 + 1e-9).rounded(.down))
    }

    /// `scaled / 10^places` with exactly `places` decimals: (603, 1) → "60.3", (-5, 1) → "-0.5".
    public static func text(_ scaled: Int, places: Int) -> String {
        guard places > 0 else { return String(scaled) }
        var factor = 1
        for _ in 0..<places { factor *= 10 }
        let magnitude = scaled.magnitude
        let fraction = String(magnitude % UInt(factor))
        return (scaled < 0 ? "-" : "") + String(magnitude / UInt(factor)) + "."
            + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// The number `scaled / 10^places` as the nearest Double, whose shortest
    /// form is that decimal (603 → 60.3, never 60.29999…).
    public static func value(_ scaled: Int, places: Int) -> Double {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        return Double(scaled) / factor
    }
}
