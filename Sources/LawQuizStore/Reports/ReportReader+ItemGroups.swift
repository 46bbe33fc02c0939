import Foundation
import LawQuizCore

/// A covered attempt as the store sees it when it groups items: the id, a
/// small class number chosen by the caller (its index of the attempt's total
/// and scoring, so the store groups by class and never compares scores),
/// and whether the attempt's exam gives half marks on a 多选题.
public struct GroupedAttempt: Sendable {
    public var id: Int64
    public var scoreClass: Int
    public var partialScoring: Bool

    public init(id: Int64, scoreClass: Int, partialScoring: Bool) {
        self.id = id
        self.scoreClass = scoreClass
        self.partialScoring = partialScoring
    }
}

/// `count` paper items of one question, all answered `given`, in attempts
/// of one class: every item of such a group earns the same mark and leaves
/// the same rest of the paper.
public struct QuestionGroup: Sendable {
    /// Index into the questions reported before it (as in `scanItems`).
    public var question: Int
    public var scoreClass: Int
    public var type: QuestionType
    public var key: OptionBits
    public var given: OptionBits
    public var points: Double
    public var count: Int
}

/// `count` paper items at one position alike in key, points, scoring and
/// answer given, so alike in mark (for the per-position variances).
public struct PositionGroup: Sendable {
    public var itemIndex: Int
    public var type: QuestionType
    public var key: OptionBits
    public var given: OptionBits
    public var points: Double
    public var partialScoring: Bool
    public var count: Int
}

extension ReportReader {
    /// Whether reports group paper items in the store (`itemGroups`) rather
    /// than read them one by one (`scanItems`): a PostgreSQL server without
    /// answer sheets counts millions of rows where they are and sends back
    /// thousands of groups; with sheets (v7), one row per attempt sent
    /// over is faster than either GROUP BY (15,000 attempts: 0.43 s for
    /// psql to receive every sheet, 2.6 s for the grouped rows).
    public var groupsItems: Bool { engine is PostgresEngine && !hasSheets }

    /// The paper items of the covered attempts, grouped by the store: per
    /// question, class and answer given (`question` first meets each
    /// question, then `items` gets its groups), and per position, key,
    /// points, scoring and answer given (`positions`). One statement both
    /// engines run: the two GROUP BYs joined by UNION ALL (PostgreSQL's
    /// GROUPING SETS, one pass, measured slower: its planner, expecting
    /// millions of groups, sorts the 6.75 million rows). The attempts
    /// go to the store as arguments (`SQLDialect.integerColumns`).
    public func itemGroups(
        of attempts: [GroupedAttempt], question: (ScannedQuestion) -> Void, items: (QuestionGroup) -> Void, positions: (PositionGroup) -> Void
    ) throws {
        let covered = engine.dialect.integerColumns([
            attempts.map(\.id), attempts.map { Int64($0.scoreClass) }, attempts.map { $0.partialScoring ? 1 : 0 },
        ])
        try read { db in
            var interner = ByteInterner()
            var types: [QuestionType] = []
            try db.scan(Self.itemGroupsSQL(covered: covered.sql), covered.arguments) { rows in
                while try rows.step() {
                    guard !rows.isNull(0) else {
                        let type = Self.answerType(rows, 2)
                        positions(PositionGroup(
                            itemIndex: Int(rows.int(1)), type: type, key: Self.answerBits(rows, 4, type), given: Self.answerBits(rows, 8, type),
                            points: rows.double(5), partialScoring: rows.int(7) != 0, count: Int(rows.int(9))))
                        continue
                    }
                    let (index, isNew) = rows.withBytes(0) { interner.index(of: $0) }
                    if isNew {
                        let type = Self.answerType(rows, 2)
                        types.append(type)
                        question(ScannedQuestion(
                            index: index, id: interner.values[index], type: type, lawID: rows.string(3), key: Self.answerBits(rows, 4, type)))
                    }
                    // Marks follow the question's type, as in `scanItems`.
                    let type = types[index]
                    items(QuestionGroup(
                        question: index, scoreClass: Int(rows.int(6)), type: type, key: Self.answerBits(rows, 4, type),
                        given: Self.answerBits(rows, 8, type), points: rows.double(5), count: Int(rows.int(9))))
                }
            }
        }
    }

    /// Columns: question id, position, type, law, key, points, class,
    /// scoring, answer, count. A question's groups have no position and a
    /// position's groups no question id (never NULL in `paper_item`).
    static func itemGroupsSQL(covered: String) -> String {
        let columns = ["p.question_id", "p.item_index", "p.type", "p.law_id", "p.answer_key", "p.points", "c.score_class", "c.partial_scoring", "r.answer"]
        let byQuestion = [0, 2, 3, 4, 5, 6, 8], byPosition = [1, 2, 4, 5, 7, 8]
        func list(_ set: [Int]) -> String { set.map { columns[$0] }.joined(separator: ", ") }
        let from = """
            FROM covered c
            JOIN paper_item p ON p.attempt_id = c.id
            LEFT JOIN response r ON r.attempt_id = p.attempt_id AND r.item_index = p.item_index
            """
        let with = "WITH covered (id, score_class, partial_scoring) AS (\(covered))\n"
        func select(_ set: [Int]) -> String {
            "SELECT " + columns.indices.map { set.contains($0) ? columns[$0] : "NULL" }.joined(separator: ", ")
                + ", COUNT(*)\n\(from)\nGROUP BY \(list(set))"
        }
        return with + select(byQuestion) + "\nUNION ALL\n" + select(byPosition)
    }

    private static func answerType(_ rows: any SQLRowCursor, _ column: Int32) -> QuestionType {
        QuestionType(rawValue: rows.string(column)) ?? .single
    }

    /// An answer code column as bits; NULL (no response) is unanswered.
    private static func answerBits(_ rows: any SQLRowCursor, _ column: Int32, _ type: QuestionType) -> OptionBits {
        rows.isNull(column) ? OptionBits(raw: 0) : AnswerCode.bits(raw: rows.withBytes(column) { AnswerCode.raw($0) }, type: type)
    }
}
