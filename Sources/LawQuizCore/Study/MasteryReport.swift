import Foundation

/// How much of each law and chapter a person has mastered: the share of its
/// questions whose recall probability is at least 0.9 now. A chapter's
/// questions are those citing an article of that chapter.
public struct MasteryReport: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// Law short name, or the chapter heading (e.g. 第一章 总则).
        public var label: String
        public var lawID: String
        public var isLaw: Bool
        public var total: Int
        public var mastered: Int
        /// Questions never answered.
        public var unseen: Int

        public var share: Double { total == 0 ? 0 : Double(mastered) / Double(total) }
    }

    public var rows: [Row]
    public var totalQuestions: Int
    public var masteredQuestions: Int
    /// Questions never answered yet.
    public var unseenQuestions: Int

    /// `reviewed` keyed by question id; questions of laws missing from the library are counted under the law id.
    public init(catalog: BankCatalog, reviewed: [String: ReviewedQuestion], now: Date) {
        var rows: [Row] = []
        var mastered = 0
        var unseen = 0
        let byLaw = Dictionary(grouping: catalog.questions, by: \.lawID)
        for lawID in byLaw.keys.sorted() {
            let questions = byLaw[lawID] ?? []
            let law = catalog.library.law(named: lawID)
            let isMastered = { (question: Question) in reviewed[question.id]?.isMastered(at: now) ?? false }
            let lawMastered = questions.filter(isMastered).count
            mastered += lawMastered
            let lawUnseen = questions.filter { reviewed[$0.id] == nil }.count
            unseen += lawUnseen
            rows.append(
                Row(label: law?.shortName ?? lawID, lawID: lawID, isLaw: true, total: questions.count, mastered: lawMastered, unseen: lawUnseen))
            guard let law else { continue }
            let chapterOf = Dictionary(law.articles.map { ($0.number, $0.chapterNumber) }, uniquingKeysWith: { first, _ in first })
            let byChapter = Dictionary(grouping: questions) { chapterOf[$0.article] ?? 0 }
            for chapter in law.chapters where byChapter[chapter.number] != nil {
                let inChapter = byChapter[chapter.number] ?? []
                rows.append(
                    Row(
                        label: chapter.heading, lawID: lawID, isLaw: false, total: inChapter.count,
                        mastered: inChapter.filter(isMastered).count, unseen: inChapter.filter { reviewed[$0.id] == nil }.count))
            }
        }
        self.rows = rows
        totalQuestions = catalog.questions.count
        masteredQuestions = mastered
        unseenQuestions = unseen
    }

    /// Days of daily practice (`duePerDay` reviews + `newPerDay` new
    /// questions) that reach every question not yet mastered at least once:
    /// new ones are limited by the new budget, all of them by the whole budget.
    /// `lawIDs` limits it to the laws an exam draws from (nil: all laws);
    /// `Int.max` when new questions remain and the new budget is 0.
    public func daysToCover(duePerDay: Int, newPerDay: Int, lawIDs: Set<String>? = nil) -> Int {
        let laws = rows.filter { $0.isLaw && (lawIDs?.contains($0.lawID) ?? true) }
        let notMastered = laws.reduce(0) { $0 + $1.total - $1.mastered }
        let unseenQuestions = laws.reduce(0) { $0 + $1.unseen }
        guard notMastered > 0 else { return 0 }
        let byNew = newPerDay > 0 ? (unseenQuestions + newPerDay - 1) / newPerDay : (unseenQuestions > 0 ? Int.max : 0)
        let perDay = max(1, duePerDay + newPerDay)
        return max(byNew, (notMastered + perDay - 1) / perDay)
    }
}
