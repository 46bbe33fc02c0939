import Foundation

/// Mastery per department for administrators: for each department, how many
/// people have studied with the memory model and the average share of all
/// questions they have mastered (everyone on the roster counts, so a
/// department that does not study shows low).
public struct DepartmentMastery: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var department: String
        public var people: Int
        /// People with at least one reviewed question.
        public var studying: Int
        /// Mean over the people of mastered ÷ all questions.
        public var averageShare: Double
    }

    public var rows: [Row]
    /// All questions of the banks, the denominator of every share.
    public var totalQuestions: Int

    /// `departments` maps 工号 to department ("" for none); `mastered` maps
    /// each person who has studied to their number of mastered questions
    /// (people studying but not on the roster are counted under "").
    public init(departments: [String: String], mastered: [String: Int], totalQuestions: Int) {
        self.totalQuestions = totalQuestions
        var members = Dictionary(grouping: departments.keys) { departments[$0] ?? "" }
        for staffID in mastered.keys where departments[staffID] == nil { members["", default: []].append(staffID) }
        rows = members.keys.sorted().map { department in
            let people = members[department] ?? []
            let shares = people.map { totalQuestions > 0 ? Double(mastered[$0] ?? 0) / Double(totalQuestions) : 0 }
            return Row(
                department: department, people: people.count, studying: people.filter { mastered[$0] != nil }.count,
                averageShare: shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count))
        }
    }
}
