import Foundation

extension ReportReader {
    /// The audit chain's head hash (校验码) for reports; nil for a store
    /// written before the chain existed and not opened for writing since.
    public func auditHead() throws -> String? {
        try read { db in try AuditChain.head(db) }
    }
}
