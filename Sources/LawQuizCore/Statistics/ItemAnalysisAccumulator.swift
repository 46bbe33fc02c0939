import Foundation

/// Builds an `ItemAnalysis` from item rows streamed one at a time (bounded
/// memory: per-question sums and small histograms, never the rows), so a
/// store with millions of responses can be analysed in one pass.
public struct ItemAnalysisAccumulator: Sendable {
    struct QuestionSums: Sendable {
        var lawID: String
        var type: QuestionType
        var key: OptionBits
        var n = 0, right = 0, unanswered = 0
        var sumX = 0.0, sumX2 = 0.0, sumMax = 0.0, sumR = 0.0, sumR2 = 0.0, sumXR = 0.0
        /// Marks and rest-of-paper marks in hundredths of a point → count, for cov_max.
        var xCounts: [Int: Int] = [:]
        var restCounts: [Int: Int] = [:]
        var options = [Int](repeating: 0, count: 6)
    }

    struct Moments: Sendable {
        var n = 0, sum = 0.0, sumSquares = 0.0
        mutating func add(_ value: Double) {
            n += 1
            sum += value
            sumSquares += value * value
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

    public init() {}

    /// Counts one analysed attempt's total (once per attempt).
    public mutating func addAttempt(total: Double) {
        totals.add(total)
    }

    /// Counts one paper item of an analysed attempt whose total is `attemptTotal`.
    public mutating func addItem(
        questionID: String, lawID: String, type: QuestionType, position: Int, key: OptionBits, given: OptionBits,
        mark: Double, maxMark: Double, attemptTotal: Double
    ) {
        let index: Int
        if let known = questionIndex[questionID] {
            index = known
        } else {
            index = questions.count
            questionIndex[questionID] = index
            questionIDs.append(questionID)
            questions.append(QuestionSums(lawID: lawID, type: type, key: key))
        }
        let rest = attemptTotal - mark
        questions[index].add(mark: mark, maxMark: maxMark, rest: rest, given: given)
        if position >= positions.count { positions += Array(repeating: Moments(), count: position + 1 - positions.count) }
        positions[position].add(mark)
    }

    /// The analysis; `article` looks up a question's article for the report.
    public func result(thresholds: ItemFlagThresholds = ItemFlagThresholds(), article: (String) -> Int? = { _ in nil }) -> ItemAnalysis {
        var items: [ItemStatistics] = []
        for (index, sums) in questions.enumerated() {
            items.append(sums.statistics(id: questionIDs[index], article: article(questionIDs[index]), thresholds: thresholds))
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
    mutating func add(mark: Double, maxMark: Double, rest: Double, given: OptionBits) {
        n += 1
        if maxMark > 0, mark >= maxMark - 1e-9 { right += 1 }
        if given.isEmpty { unanswered += 1 }
        sumX += mark
        sumX2 += mark * mark
        sumMax += maxMark
        sumR += rest
        sumR2 += rest * rest
        sumXR += mark * rest
        xCounts[Int((mark * 100).rounded()), default: 0] += 1
        restCounts[Int((rest * 100).rounded()), default: 0] += 1
        var bits = given.raw
        var option = 0
        while bits != 0, option < 6 {
            if bits & 1 == 1 { options[option] += 1 }
            bits >>= 1
            option += 1
        }
    }

    func statistics(id: String, article: Int?, thresholds: ItemFlagThresholds) -> ItemStatistics {
        let count = Double(n)
        let meanMax = n > 0 ? sumMax / count : 0
        let facility = meanMax > 0 ? (sumX / count) / meanMax : nil
        let varX = n > 1 ? max(0, (sumX2 - sumX * sumX / count) / (count - 1)) : nil
        let varR = n > 1 ? max(0, (sumR2 - sumR * sumR / count) / (count - 1)) : nil
        let cov = n > 1 ? (sumXR - sumX * sumR / count) / (count - 1) : nil
        var discrimination: Double?
        if let varX, let varR, let cov, varX > 0, varR > 0 { discrimination = cov / (varX * varR).squareRoot() }
        var efficiency: Double?
        if let cov, let maxCov = maximumCovariance(), maxCov > 1e-12 { efficiency = cov / maxCov }
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
    func maximumCovariance() -> Double? {
        guard n > 1 else { return nil }
        var xs = xCounts.sorted { $0.key < $1.key }.makeIterator()
        var rs = restCounts.sorted { $0.key < $1.key }.makeIterator()
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
