import Foundation

/// Descriptive statistics of the counted scores of those who sat, computed
/// on scores in hundredths of a point and rounded half up once: the mean
/// and standard deviation to one decimal, the median to two.
public struct ScoreSummary: Sendable, Hashable, Codable {
    public var count: Int
    public var mean: Double
    public var median: Double
    /// Population standard deviation (divides by n): the spread of this
    /// group's scores, not an estimate for a wider population.
    public var standardDeviation: Double
    public var minimum: Double
    public var maximum: Double

    /// nil when there are no scores.
    public init?(scores: [Double]) {
        self.init(distribution: ScoreDistribution(scores: scores))
    }

    /// nil when the distribution is empty.
    public init?(distribution: ScoreDistribution) {
        let ascending = distribution.ascending
        let n = distribution.total
        guard n > 0, let lowest = ascending.first, let highest = ascending.last else { return nil }
        var total = 0
        for entry in ascending { total += entry.hundredths * entry.count }
        /// The score at a 0-based position in ascending order.
        func score(at position: Int) -> Int {
            var seen = 0
            for entry in ascending {
                seen += entry.count
                if position < seen { return entry.hundredths }
            }
            return highest.hundredths
        }
        count = n
        mean = ScoreMean(totalHundredths: total, count: n).value ?? 0
        let middle = n / 2
        let medianHundredths = n % 2 == 1 ? score(at: middle) : DecimalRounding.quotient(score(at: middle - 1) + score(at: middle), 2)
        median = DecimalRounding.value(medianHundredths, places: 2)
        // A square root is not a decimal anyway: computed in doubles from the exact hundredths, rounded once.
        let exactMean = Double(total) / Double(n)
        let squares = ascending.reduce(0.0) { $0 + Double($1.count) * (Double($1.hundredths) - exactMean) * (Double($1.hundredths) - exactMean) }
        standardDeviation = DecimalRounding.value(DecimalRounding.scaled((squares / Double(n)).squareRoot() / 100, places: 1), places: 1)
        minimum = DecimalRounding.value(lowest.hundredths, places: 2)
        maximum = DecimalRounding.value(highest.hundredths, places: 2)
    }
}

/// Scores counted in bands of 10 points: [0,10), [10,20), … with the last
/// band closed so full marks fall in it.
public struct ScoreHistogram: Sendable, Hashable, Codable {
    public struct Band: Sendable, Hashable, Codable {
        public var lower: Double
        public var upper: Double
        /// True for the last band, which includes its upper bound (full marks).
        public var includesUpper: Bool
        public var count: Int

        /// `0–10`, `90–100`: each band includes its lower bound and not its
        /// upper one, except the last, which includes full marks.
        public var label: String {
            "\(ScoreFormat.text(lower))–\(ScoreFormat.text(upper))"
        }
    }

    public var bandWidth: Double
    public var bands: [Band]

    public init(fullMarks: Double, bandWidth: Double = 10) {
        self.bandWidth = bandWidth
        let count = max(1, Int((fullMarks / bandWidth).rounded(.up)))
        bands = (0..<count).map { index in
            Band(
                lower: Double(index) * bandWidth, upper: min(fullMarks, Double(index + 1) * bandWidth),
                includesUpper: index == count - 1, count: 0)
        }
    }

    public init(scores: [Double], fullMarks: Double, bandWidth: Double = 10) {
        self.init(fullMarks: fullMarks, bandWidth: bandWidth)
        for score in scores { add(score) }
    }

    public init(distribution: ScoreDistribution, fullMarks: Double, bandWidth: Double = 10) {
        self.init(fullMarks: fullMarks, bandWidth: bandWidth)
        for (hundredths, count) in distribution.counts { add(DecimalRounding.value(hundredths, places: 2), count: count) }
    }

    /// Counts a score (`count` times); scores outside 0…full marks go to the nearest end band.
    public mutating func add(_ score: Double, count: Int = 1) {
        let index = min(bands.count - 1, max(0, Int((score / bandWidth).rounded(.down))))
        bands[index].count += count
    }

    public var total: Int { bands.reduce(0) { $0 + $1.count } }
}
