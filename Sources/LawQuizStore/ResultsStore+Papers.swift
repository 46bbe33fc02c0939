import Foundation
import GRDB
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
            let last = try Int.fetchOne(db, sql: "SELECT MAX(paper_no) FROM issued_paper WHERE exam_id = ?", arguments: [examID]) ?? 0
            let papers = assignments.enumerated().map { offset, assignment in
                IssuedPaper(
                    examID: examID, number: last + offset + 1, seed: assignment.seed, staffID: assignment.staffID, issuedAt: now,
                    issuedBy: login)
            }
            let insert = try db.cachedStatement(
                sql: "INSERT INTO issued_paper (exam_id, paper_no, seed, staff_id, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?)")
            for paper in papers {
                try insert.execute(arguments: [examID, paper.number, Int64(bitPattern: paper.seed), paper.staffID, now, login])
            }
            if !papers.isEmpty { try audit(db, AuditChain.papersIssued(papers, by: login), attemptID: nil, staffID: nil, at: now) }
            return papers
        }
    }

    /// One issued paper, or nil when that number was never printed for the exam.
    public func issuedPaper(examID: String, number: Int) throws -> IssuedPaper? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM issued_paper WHERE exam_id = ? AND paper_no = ?", arguments: [examID, number])
                .map(IssuedPaper.init(row:))
        }
    }

    /// The attempt already entered from a paper, if any.
    public func attemptID(examID: String, paperNumber: Int) throws -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM attempt WHERE exam_id = ? AND paper_no = ?", arguments: [examID, paperNumber])
        }
    }
}
