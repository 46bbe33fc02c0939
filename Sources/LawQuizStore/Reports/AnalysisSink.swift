import LawQuizCore

/// One partition's share of the item analysis (used by one thread only, so
/// the per-item writes skip the runtime's exclusivity bookkeeping).
///
/// Items are counted in batches: a question's sums and histograms live in
/// several heap buffers, and items arriving in paper order touch a different
/// question each time (at 150,000 attempts most of the accumulator's time
/// was waiting for those cache lines). A batch is counted question by
/// question; the counting sort is stable, so each question still receives
/// its items in arrival order and every sum is added exactly as item by item
/// (the marks per paper position are counted in arrival order too).
/// Call `flush` after the scan.
final class AnalysisSink: ItemScanSink {
    @exclusivity(unchecked) var items: ItemAnalysisAccumulator
    let scores: [Double]
    let partialScoring: [Bool]
    @exclusivity(unchecked) var count = 0

    private struct Pending {
        var question: Int32
        var position: Int32
        var given: OptionBits
        var mark: Double
        var maxMark: Double
        var total: Double
    }

    /// Items per batch (≈ 13 per question of a 607-question bank; 320 kB).
    private static let batch = 8_192
    @exclusivity(unchecked) private var pending: [Pending] = []
    @exclusivity(unchecked) private var order: [Int32] = []
    @exclusivity(unchecked) private var starts: [Int] = []
    @exclusivity(unchecked) private var questions = 0

    init(items: ItemAnalysisAccumulator, scores: [Double], partialScoring: [Bool]) {
        self.items = items
        self.scores = scores
        self.partialScoring = partialScoring
        pending.reserveCapacity(Self.batch)
    }

    func question(_ question: ScannedQuestion) {
        items.defineQuestion(index: question.index, id: question.id, lawID: question.lawID, type: question.type, key: question.key)
        questions = max(questions, question.index + 1)
    }

    func item(_ item: ScannedItem) {
        let mark = OptionBits.mark(given: item.given, key: item.key, type: item.type, points: item.points, partial: partialScoring[item.attempt])
        pending.append(Pending(
            question: Int32(truncatingIfNeeded: item.question), position: Int32(truncatingIfNeeded: item.itemIndex), given: item.given,
            mark: mark, maxMark: item.points, total: scores[item.attempt]))
        count += 1
        if pending.count >= Self.batch { flush() }
    }

    /// Counts the pending items.
    func flush() {
        guard !pending.isEmpty else { return }
        for item in pending { items.addMarks(position: Int(item.position), mark: item.mark, count: 1) }
        starts.removeAll(keepingCapacity: true)
        starts.append(contentsOf: repeatElement(0, count: questions + 1))
        for item in pending { starts[Int(item.question) + 1] += 1 }
        for question in 0..<questions { starts[question + 1] += starts[question] }
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: repeatElement(0, count: pending.count))
        for (index, item) in pending.enumerated() {
            order[starts[Int(item.question)]] = Int32(truncatingIfNeeded: index)
            starts[Int(item.question)] += 1
        }
        for index in order {
            let item = pending[Int(index)]
            items.addItems(question: Int(item.question), given: item.given, mark: item.mark, maxMark: item.maxMark, attemptTotal: item.total, count: 1)
        }
        pending.removeAll(keepingCapacity: true)
    }
}
