import Foundation

/// Why a report cannot be produced for an exam; each says what to do.
public enum ReportError: LocalizedError, Sendable, Equatable {
    /// No roster has been imported, so nobody can be required to sit.
    case noRoster
    /// The roster has people, but the exam's scope and exemptions leave none required.
    case noOneRequired(examID: String, active: Int, exempt: Int, outsideScope: Int)
    /// The exam is a practice/mock exam (`formal: false`) and does not count in statistics.
    case notFormal(examID: String)

    public var errorDescription: String? {
        switch self {
        case .noRoster:
            return "尚未导入花名册，无法确定应考人员。请先运行 lawquiz roster import <花名册.csv|.xlsx>。"
        case .noOneRequired(let examID, let active, let exempt, let outside):
            return "考试 \(examID) 没有应考人员：在册 \(active) 人，其中免考 \(exempt) 人、不在考试范围 \(outside) 人。"
                + "请检查考试定义的 required_departments 和 exemptions，或花名册中的部门。"
        case .notFormal(let examID):
            return "考试 \(examID) 不是正式考试（formal: false），其成绩不计入参考率、合格率和优秀率统计。"
        }
    }

    /// Checks that somebody is required; called before any report is drawn.
    public static func checkRequired(_ outcomes: ExamOutcomes, examID: String) throws {
        try checkRequired(counts: DepartmentCounts.byDepartment(outcomes), examID: examID)
    }

    /// The same check on department counts (empty: nobody in the store's roster at all).
    public static func checkRequired(counts: [DepartmentPath: DepartmentCounts], examID: String) throws {
        guard !counts.isEmpty else { throw ReportError.noRoster }
        var total = DepartmentCounts()
        for entry in counts.values { total.merge(entry) }
        if total.required == 0 {
            throw ReportError.noOneRequired(examID: examID, active: total.members, exempt: total.exempt, outsideScope: total.outsideScope)
        }
    }
}
