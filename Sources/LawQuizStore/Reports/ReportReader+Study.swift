import Foundation

extension ReportReader {
    /// Questions mastered per person (the memory model of 今日练习) for the
    /// report's department view; nil for a store that predates the model
    /// (report readers are read-only and never migrate).
    public func masteredCountsByStaff(at now: Date) throws -> [String: Int]? {
        try read { db in
            guard try db.tableExists("memory_state") else { return nil }
            return try ResultsStore.masteredCounts(db, at: now)
        }
    }
}
