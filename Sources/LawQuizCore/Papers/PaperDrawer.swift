import Foundation

/// Why a paper could not be drawn.
public enum PaperError: LocalizedError, Sendable, Hashable {
    /// The banks hold too few unused questions for a section.
    case sectionCannotBeFilled(exam: String, section: Int, description: String, needed: Int, available: Int)

    public var errorDescription: String? {
        switch self {
        case .sectionCannotBeFilled(let exam, let section, let description, let needed, let available):
            return "考试 \(exam) 第 \(section) 部分（\(description)）需要 \(needed) 道题，题库中只有 \(available) 道可用，请补充题库或修改考试定义"
        }
    }
}

/// How well the banks can fill one section (for `exam check`).
public struct SectionSupply: Sendable, Hashable {
    public var section: ExamSection
    /// 1-based, as in messages.
    public var number: Int
    /// Questions admitted by the section that earlier sections cannot have taken (worst case).
    public var available: Int
    /// Questions admitted by the section at all.
    public var matching: Int
    public var isSufficient: Bool { available >= section.count }
}

/// Draws papers from the bank catalog. The paper depends only on the seed,
/// the definition and the set of usable questions, so storing the seed (and
/// the drawn items) makes any paper reproducible.
public struct PaperDrawer: Sendable {
    public let catalog: BankCatalog

    public init(catalog: BankCatalog) {
        self.catalog = catalog
    }

    /// Draws a paper. Sections are filled in order, each from questions not
    /// already on the paper (candidates sorted by id, so bank file order does
    /// not matter). With `shuffle_questions` the order is shuffled within each
    /// question type; types keep the order in which they first appear, as on a
    /// printed paper. With `shuffle_options` choice options are shuffled.
    public func draw(_ exam: ExamDefinition, seed: UInt64) throws -> Paper {
        var generator = SeededGenerator(seed: seed)
        var used = Set<String>()
        var groups: [(type: QuestionType, drawn: [(Question, Int)])] = []
        for (offset, section) in exam.sections.enumerated() {
            var candidates = candidates(for: section, excluding: used)
            guard candidates.count >= section.count else {
                throw PaperError.sectionCannotBeFilled(
                    exam: exam.id, section: offset + 1, description: describe(section), needed: section.count,
                    available: candidates.count)
            }
            for position in 0..<section.count {
                let pick = position + generator.below(candidates.count - position)
                candidates.swapAt(position, pick)
            }
            let chosen = candidates.prefix(section.count).map { catalog.banks[$0.bank].questions[$0.question] }.sorted { $0.id < $1.id }
            used.formUnion(chosen.map(\.id))
            let entries = chosen.map { ($0, offset) }
            if let group = groups.firstIndex(where: { $0.type == section.type }) {
                groups[group].drawn += entries
            } else {
                groups.append((section.type, entries))
            }
        }
        var items: [PaperItem] = []
        for var group in groups {
            if exam.shuffleQuestions { generator.shuffle(&group.drawn) }
            for (question, sectionIndex) in group.drawn {
                var order = question.options.map(\.letter)
                if exam.shuffleOptions { generator.shuffle(&order) }
                items.append(
                    PaperItem(
                        index: items.count, questionID: question.id, contentHash: question.contentHash,
                        optionOrder: order, points: exam.sections[sectionIndex].points, sectionIndex: sectionIndex,
                        type: question.type, lawID: question.lawID))
            }
        }
        return Paper(examID: exam.id, seed: seed, items: items)
    }

    /// Per-section supply for `exam check`, worst case: each earlier section
    /// is assumed to take as many of this section's questions as it can. When
    /// every section is sufficient, `draw` cannot fail for any seed.
    public func supply(for exam: ExamDefinition) -> [SectionSupply] {
        let matches = exam.sections.map { section in Set(catalog.questions.filter(section.admits).map(\.id)) }
        return exam.sections.enumerated().map { offset, section in
            var taken = 0
            for earlier in 0..<offset {
                taken += min(exam.sections[earlier].count, matches[earlier].intersection(matches[offset]).count)
            }
            let available = max(0, matches[offset].count - taken)
            return SectionSupply(section: section, number: offset + 1, available: available, matching: matches[offset].count)
        }
    }

    /// Human description of a section with the law's short name.
    public func describe(_ section: ExamSection) -> String {
        section.describe(lawName: section.lawID.flatMap { catalog.library.law(named: $0)?.shortName })
    }

    /// Positions (bank, question) of the admitted questions, sorted by id: bank by bank and by
    /// index, without copying a question (a large value: copying and sorting them was a
    /// measurable part of the start of `exam take`).
    private func candidates(for section: ExamSection, excluding used: Set<String>) -> [(bank: Int, question: Int)] {
        var admitted: [(id: String, bank: Int, question: Int)] = []
        for bankIndex in catalog.banks.indices {
            let questions = catalog.banks[bankIndex].questions
            // Fields read in place: `section.admits(questions[index])` copied each question.
            for index in questions.indices
            where section.admits(type: questions[index].type, lawID: questions[index].lawID, tags: questions[index].tags) {
                let id = questions[index].id
                if !used.contains(id) { admitted.append((id, bankIndex, index)) }
            }
        }
        return admitted.sorted { $0.id < $1.id }.map { ($0.bank, $0.question) }
    }
}
