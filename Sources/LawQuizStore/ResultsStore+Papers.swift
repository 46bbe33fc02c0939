import Foundation
import LawQuizCore

extension ResultsStore {
    /// Records papers about to be printed, numbered after the exam's last
    /// issued paper, with their audit entry, in one transaction.
    /// `assignments` gives each paper's seed and, when made out to someone,
    /// the 工号.
    public func issuePapers(
        examID: String, assignments: [(seed: UInt64, staffID: String?)], by login: String, at now: Date = Date()
    ) throws -> [IssuedPaper] {
        try write { db in
            let last = try db.value(Int.self, "SELECT MAX(paper_no) FROM issued_paper WHERE exam_id = ?", examID) ?? 0
            let papers = assignments.enumerated().map { offset, assignment in
                IssuedPaper(
                    examID: examID, number: last + offset + 1, seed: assignment.seed, staffID: assignment.staffID, issuedAt: now,
                    issuedBy: login)
            }
            for paper in papers {
                try db.execute(
                    "INSERT INTO issued_paper (exam_id, paper_no, seed, staff_id, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?)", examID, paper.number, Int64(bitPattern: paper.seed), paper.staffID, now, login)
            }
            if !papers.isEmpty { try audit(db, AuditChain.papersIssued(papers, by: login), attemptID: nil, staffID: nil, at: now) }
            return papers
        }
    }

    /// One issued paper, or nil when that number was never printed for the exam.
    public func issuedPaper(examID: String, number: Int) throws -> IssuedPaper? {
        try read { db in
            try db.row("SELECT * FROM issued_paper WHERE exam_id = ? AND paper_no = ?", examID, number)
                .map(IssuedPaper.init(row:))
        }
    }

    /// The attempt already entered from a paper, if any.
    public func attemptID(examID: String, paperNumber: Int) throws -> Int64? {
        try read { db in
            try db.value(Int64.self, "SELECT id FROM attempt WHERE exam_id = ? AND paper_no = ?", examID, paperNumber)
        }
    }
}
