/// A mean score kept exact — the sum in hundredths of a point and the count —
/// and rounded half up to one decimal only when shown, so the organisation's
/// row and a department's row of the same people always agree.
public struct ScoreMean: Sendable, Hashable {
    public var totalHundredths: Int
    public var count: Int

    public init(totalHundredths: Int = 0, count: Int = 0) {
        self.totalHundredths = totalHundredths
        self.count = count
    }

    public mutating func add(_ score: Double) {
        totalHundredths += DecimalRounding.hundredths(score)
        count += 1
    }

    public mutating func merge(_ other: ScoreMean) {
        totalHundredths += other.totalHundredths
        count += other.count
    }

    /// The sum of the scores, exact (1068.89, not 1068.8999999999999).
    public var total: Double { DecimalRounding.value(totalHundredths, places: 2) }

    /// The mean in tenths of a point, rounded half up; nil for nobody.
    public var tenths: Int? { count == 0 ? nil : DecimalRounding.quotient(totalHundredths, 10 * count) }

    /// The rounded mean as a number (60.3), for JSON and workbooks.
    public var value: Double? { tenths.map { DecimalRounding.value($0, places: 1) } }

    /// `60.3`, or `—` for nobody.
    public var text: String { tenths.map { DecimalRounding.text($0, places: 1) } ?? "—" }
}
