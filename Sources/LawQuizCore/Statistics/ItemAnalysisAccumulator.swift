import Foundation

/// Builds an `ItemAnalysis` from item rows streamed one at a time (bounded
/// memory: per-question sums and small histograms, never the rows), so a
/// store with millions of responses can be analysed in one pass.
public struct ItemAnalysisAccumulator: Sendable {
    struct QuestionSums: Sendable {
        var lawID: String
        var type: QuestionType
        var key: OptionBits
        var n = 0, right = 0, partial = 0, unanswered = 0
        var sumX = 0.0, sumX2 = 0.0, sumMax = 0.0, sumR = 0.0, sumR2 = 0.0, sumXR = 0.0
        /// Marks in hundredths of a point → count (a handful of values), for cov_max.
        var xCounts: [(key: Int, count: Int)] = []
        /// Rest-of-paper marks → count: dense bins of `grid` when the marks
        /// fall on it (the usual case), hundredths of a point otherwise.
        var restBins: [Int32]
        var restCounts: [Int: Int] = [:]
        var options = [Int](repeating: 0, count: 6)
        var defined = false
    }

    /// The grid the rest-of-paper marks fall on: a step (e.g. 1 point, or 0.5
    /// under partial scoring) and the highest total, so the histogram needed
    /// for cov_max is an array rather than a dictionary.
    public struct ScoreGrid: Sendable {
        public var step: Double
        public var maximum: Double

        public init(step: Double, maximum: Double) {
            self.step = step
            self.maximum = maximum
        }

        var bins: Int { step > 0 && maximum >= 0 ? Int((maximum / step).rounded()) + 1 : 0 }
    }

    struct Moments: Sendable {
        var n = 0, sum = 0.0, sumSquares = 0.0
        mutating func add(_ value: Double, count: Int = 1) {
            let weight = Double(count)
            n += count
            sum += value * weight
            sumSquares += value * value * weight
        }
        /// Sample variance (n − 1).
        var variance: Double? {
            guard n > 1 else { return nil }
            return max(0, (sumSquares - sum * sum / Double(n)) / Double(n - 1))
        }
    }

    private var questionIndex: [String: Int] = [:]
    private var questionIDs: [String] = []
    private var questions: [QuestionSums] = []
    private var positions: [Moments] = []
    private var totals = Moments()
    private let grid: ScoreGrid?

    public init(grid: ScoreGrid? = nil) {
        self.grid = grid.flatMap { $0.bins > 0 && $0.bins <= 100_000 ? $0 : nil }
    }

    /// Declares question `index` (indices are the caller's, dense from 0).
    public mutating func defineQuestion(index: Int, id: String, lawID: String, type: QuestionType, key: OptionBits) {
        while questions.count <= index {
            questions.append(QuestionSums(lawID: "", type: .single, key: OptionBits(raw: 0), restBins: [Int32](repeating: 0, count: grid?.bins ?? 0)))
            questionIDs.append("")
        }
        guard !questions[index].defined else { return }
        questions[index].lawID = lawID
        questions[index].type = type
        questions[index].key = key
        questions[index].defined = true
        questionIDs[index] = id
        questionIndex[id] = index
    }

    /// Counts one paper item of an analysed attempt, by question index.
    @inline(__always)
    public mutating func addItem(question index: Int, position: Int, given: OptionBits, mark: Double, maxMark: Double, attemptTotal: Double) {
        addItems(question: index, given: given, mark: mark, maxMark: maxMark, attemptTotal: attemptTotal, count: 1)
        addMarks(position: position, mark: mark, count: 1)
    }

    /// Counts `count` alike paper items of question `index` (same answer
    /// given, same mark, attempts with the same total) at once: a store that
    /// groups the items itself sends one row per such group, and every sum
    /// and histogram is then exactly what the items one by one give. Their
    /// positions on the paper are counted apart, with `addMarks`.
    public mutating func addItems(question index: Int, given: OptionBits, mark: Double, maxMark: Double, attemptTotal: Double, count: Int) {
        questions[index].add(mark: mark, maxMark: maxMark, rest: attemptTotal - mark, given: given, grid: grid, count: count)
    }

    /// Counts `count` items marked `mark` at paper position `position` (for
    /// the internal consistency, which sums marks per position).
    public mutating func addMarks(position: Int, mark: Double, count: Int) {
        if position >= positions.count { positions += Array(repeating: Moments(), count: position + 1 - positions.count) }
        positions[position].add(mark, count: count)
    }

    /// Counts one analysed attempt's total (once per attempt).
    public mutating func addAttempt(total: Double) {
        totals.add(total)
    }

    /// Counts one paper item of an analysed attempt whose total is `attemptTotal`.
    public mutating func addItem(
        questionID: String, lawID: String, type: QuestionType, position: Int, key: OptionBits, given: OptionBits,
        mark: Double, maxMark: Double, attemptTotal: Double
    ) {
        let index = questionIndex[questionID] ?? questions.count
        defineQuestion(index: index, id: questionID, lawID: lawID, type: type, key: key)
        addItem(question: index, position: position, given: given, mark: mark, maxMark: maxMark, attemptTotal: attemptTotal)
    }

    /// Adds another accumulator's items (a parallel partition of the same
    /// scan), matching questions by id. Attempt totals are not merged: count
    /// each attempt once, in one accumulator.
    public mutating func merge(_ other: ItemAnalysisAccumulator) {
        for (otherIndex, sums) in other.questions.enumerated() where sums.defined {
            let id = other.questionIDs[otherIndex]
            let index = questionIndex[id] ?? questions.count
            defineQuestion(index: index, id: id, lawID: sums.lawID, type: sums.type, key: sums.key)
            questions[index].merge(sums)
        }
        if other.positions.count > positions.count {
            positions += Array(repeating: Moments(), count: other.positions.count - positions.count)
        }
        for (position, moments) in other.positions.enumerated() {
            positions[position].n += moments.n
            positions[position].sum += moments.sum
            positions[position].sumSquares += moments.sumSquares
        }
    }

    /// Accuracy per law and per type, from the per-question sums.
    public func accuracy() -> AccuracyAccumulator {
        var accuracy = AccuracyAccumulator()
        for sums in questions where sums.defined && sums.n > 0 {
            accuracy.add(
                lawID: sums.lawID, type: sums.type, responses: sums.n, right: sums.right, partial: sums.partial,
                unanswered: sums.unanswered, earned: sums.sumX, possible: sums.sumMax)
        }
        return accuracy
    }

    /// The analysis; `article` looks up a question's article for the report,
    /// `furtherArticles` the other articles a case question cites.
    public func result(
        thresholds: ItemFlagThresholds = ItemFlagThresholds(), article: (String) -> Int? = { _ in nil },
        furtherArticles: (String) -> [Int] = { _ in [] }
    ) -> ItemAnalysis {
        var items: [ItemStatistics] = []
        for (index, sums) in questions.enumerated() where sums.defined && sums.n > 0 {
            var item = sums.statistics(id: questionIDs[index], article: article(questionIDs[index]), thresholds: thresholds, grid: grid)
            item.furtherArticles = furtherArticles(questionIDs[index])
            items.append(item)
        }
        items.sort { $0.questionID < $1.questionID }
        return ItemAnalysis(test: testStatistics(), items: items, thresholds: thresholds)
    }

    private func testStatistics() -> TestStatistics {
        let variance = totals.variance
        let used = positions.filter { $0.n > 0 }
        var alpha: Double?
        if let variance, variance > 0, used.count > 1 {
            let p = Double(used.count)
            let itemVariances = used.reduce(0.0) { $0 + ($1.variance ?? 0) }
            alpha = p / (p - 1) * (1 - itemVariances / variance)
        }
        let errorRatio = alpha.map { (max(0, 1 - $0)).squareRoot() }
        let sd = variance.map { $0.squareRoot() }
        return TestStatistics(
            attempts: totals.n, positions: used.count, meanScore: totals.n > 0 ? totals.sum / Double(totals.n) : nil,
            standardDeviation: sd, internalConsistency: alpha, errorRatio: errorRatio,
            standardError: errorRatio.flatMap { ratio in sd.map { ratio * $0 } })
    }
}

extension ItemAnalysisAccumulator.QuestionSums {
    /// `count` items alike; sums take `value × count`, which is the sum of
    /// the values one by one for marks on a grid of binary fractions (0.5, 0.25…).
    mutating func add(mark: Double, maxMark: Double, rest: Double, given: OptionBits, grid: ItemAnalysisAccumulator.ScoreGrid?, count: Int) {
        let weight = Double(count)
        n += count
        if maxMark > 0, mark >= maxMark - 1e-9 { right += count } else if mark > 0 { partial += count }
        if given.isEmpty { unanswered += count }
        sumX += mark * weight
        sumX2 += mark * mark * weight
        sumMax += maxMark * weight
        sumR += rest * weight
        sumR2 += rest * rest * weight
        sumXR += mark * rest * weight
        let markKey = Int((mark * 100).rounded())
        if let slot = xCounts.firstIndex(where: { $0.key == markKey }) {
            xCounts[slot].count += count
        } else {
            xCounts.append((markKey, count))
        }
        addRest(rest, grid: grid, count: count)
        var bits = given.raw
        var option = 0
        while bits != 0, option < 6 {
            if bits & 1 == 1 { options[option] += count }
            bits >>= 1
            option += 1
        }
    }

    mutating func merge(_ other: ItemAnalysisAccumulator.QuestionSums) {
        n += other.n
        right += other.right
        partial += other.partial
        unanswered += other.unanswered
        sumX += other.sumX
        sumX2 += other.sumX2
        sumMax += other.sumMax
        sumR += other.sumR
        sumR2 += other.sumR2
        sumXR += other.sumXR
        for entry in other.xCounts {
            if let slot = xCounts.firstIndex(where: { $0.key == entry.key }) {
                xCounts[slot].count += entry.count
            } else {
                xCounts.append(entry)
            }
        }
        for (bin, count) in other.restBins.enumerated() where count > 0 && bin < restBins.count { restBins[bin] += count }
        restCounts.merge(other.restCounts, uniquingKeysWith: +)
        for option in options.indices { options[option] += other.options[option] }
    }

    mutating func addRest(_ rest: Double, grid: ItemAnalysisAccumulator.ScoreGrid?, count: Int) {
        if let grid {
            let position = rest / grid.step
            let bin = Int(position.rounded())
            if abs(position - Double(bin)) < 1e-6, bin >= 0, bin < restBins.count {
                restBins[bin] += Int32(truncatingIfNeeded: count)
                return
            }
        }
        restCounts[Int((rest * 100).rounded()), default: 0] += count
    }

    /// Rest-of-paper marks in hundredths of a point with their counts, ascending.
    func restHistogram(grid: ItemAnalysisAccumulator.ScoreGrid?) -> [(key: Int, value: Int)] {
        var merged = restCounts
        if let grid {
            for (bin, count) in restBins.enumerated() where count > 0 {
                merged[Int((Double(bin) * grid.step * 100).rounded()), default: 0] += Int(count)
            }
        }
        return merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func statistics(id: String, article: Int?, thresholds: ItemFlagThresholds, grid: ItemAnalysisAccumulator.ScoreGrid?) -> ItemStatistics {
        let count = Double(n)
        let meanMax = n > 0 ? sumMax / count : 0
        let facility = meanMax > 0 ? (sumX / count) / meanMax : nil
        let varX = n > 1 ? max(0, (sumX2 - sumX * sumX / count) / (count - 1)) : nil
        let varR = n > 1 ? max(0, (sumR2 - sumR * sumR / count) / (count - 1)) : nil
        let cov = n > 1 ? (sumXR - sumX * sumR / count) / (count - 1) : nil
        var discrimination: Double?
        if let varX, let varR, let cov, varX > 0, varR > 0 { discrimination = cov / (varX * varR).squareRoot() }
        var efficiency: Double?
        if let cov, let maxCov = maximumCovariance(grid: grid), maxCov > 1e-12 { efficiency = cov / maxCov }
        let labelsCount = OptionBits.labels(for: type).count
        return ItemStatistics(
            questionID: id, lawID: lawID, article: article, type: type, drawn: n, right: right, facility: facility,
            standardDeviation: meanMax > 0 ? varX.map { $0.squareRoot() / meanMax } : nil,
            discrimination: discrimination, discriminativeEfficiency: efficiency,
            optionCounts: Array(options.prefix(labelsCount)), unanswered: unanswered, answer: Self.answerText(key, type: type),
            flags: thresholds.flags(facility: facility, discrimination: discrimination))
    }

    /// cov_max: the covariance when the sorted x marks are paired with the
    /// sorted rest-of-paper marks (both ascending), walked over the histograms.
    func maximumCovariance(grid: ItemAnalysisAccumulator.ScoreGrid?) -> Double? {
        guard n > 1 else { return nil }
        var xs = xCounts.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.count) }.makeIterator()
        var rs = restHistogram(grid: grid).makeIterator()
        var x = xs.next(), r = rs.next()
        var xLeft = x?.value ?? 0, rLeft = r?.value ?? 0
        var sumProducts = 0.0
        while let xv = x, let rv = r {
            let paired = min(xLeft, rLeft)
            sumProducts += Double(paired) * (Double(xv.key) / 100) * (Double(rv.key) / 100)
            xLeft -= paired
            rLeft -= paired
            if xLeft == 0 { x = xs.next(); xLeft = x?.value ?? 0 }
            if rLeft == 0 { r = rs.next(); rLeft = r?.value ?? 0 }
        }
        let count = Double(n)
        return (sumProducts - sumX * sumR / count) / (count - 1)
    }

    static func answerText(_ key: OptionBits, type: QuestionType) -> String {
        let labels = OptionBits.labels(for: type)
        return labels.indices.filter { key.raw & (1 << $0) != 0 }.map { labels[$0] }.joined()
    }
}
