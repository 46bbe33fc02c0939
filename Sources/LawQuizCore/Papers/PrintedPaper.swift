import Foundation

/// One paper as printed: its number within the exam, the drawn paper, the
/// short check code printed beside the number (so a mistyped 试卷号 is
/// caught when the sheet is keyed in) and, when printed from a staff list,
/// the person it was made out to.
public struct PrintedPaper: Sendable, Hashable {
    public var number: Int
    public var paper: Paper
    public var checkCode: String
    public var staff: RosterEntry?

    public init(number: Int, paper: Paper, checkCode: String, staff: RosterEntry? = nil) {
        self.number = number
        self.paper = paper
        self.checkCode = checkCode
        self.staff = staff
    }

    /// The items grouped by question type in paper order (大题 一、二、三…),
    /// the grouping the drawer already guarantees to be contiguous.
    public var parts: [(type: QuestionType, items: [PaperItem])] {
        var parts: [(type: QuestionType, items: [PaperItem])] = []
        for item in paper.items {
            if let last = parts.indices.last, parts[last].type == item.type {
                parts[last].items.append(item)
            } else {
                parts.append((item.type, [item]))
            }
        }
        return parts
    }
}
