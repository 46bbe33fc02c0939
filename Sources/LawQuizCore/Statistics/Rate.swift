/// A rate kept as its exact fraction, so a report never shows 118/120 as 0%
/// or 98% through integer division: the percentage is derived from the two
/// counts with rounding to one decimal, computed in integers.
public struct Rate: Sendable, Hashable {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The exact value as a fraction of one; nil when nobody is in the denominator.
    public var value: Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    /// The percentage in tenths of a percent, rounded half up (98.33…% → 983);
    /// nil when the denominator is zero. Rounding never reaches 100.0% while
    /// someone is missing (1999/2000 shows 99.9%), nor 0.0% when someone
    /// counts (1/2000 shows 0.1%): a report must not claim "all" or "none" falsely.
    public var tenthsOfPercent: Int? {
        guard denominator > 0 else { return nil }
        let rounded = (numerator * 2000 + denominator) / (2 * denominator)
        if numerator > 0, numerator < denominator { return min(999, max(1, rounded)) }
        return rounded
    }

    /// `98.3%`, or `—` when the denominator is zero (a rate of nobody is not 0%).
    public var percentText: String {
        guard let tenths = tenthsOfPercent else { return "—" }
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `118/120 = 98.3%`: the fraction is always shown beside the percentage.
    public var text: String { "\(numerator)/\(denominator) = \(percentText)" }

    /// The one-decimal percentage as a number (98.3), for JSON and spreadsheets.
    public var percent: Double? { tenthsOfPercent.map { Double($0) / 10 } }
}

extension Rate: CustomStringConvertible {
    public var description: String { text }
}

extension Rate: Codable {
    private enum CodingKeys: String, CodingKey { case numerator, denominator, percent, text }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Int.self, forKey: .numerator), of: try container.decode(Int.self, forKey: .denominator))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(numerator, forKey: .numerator)
        try container.encode(denominator, forKey: .denominator)
        try container.encode(percent, forKey: .percent)
        try container.encode(text, forKey: .text)
    }
}
