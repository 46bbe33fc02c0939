/// One fetched row, by column name or position, engine-neutral. Reading a
/// column as the wrong type throws `StoreError.sqlite` naming it, instead of
/// trapping as GRDB's subscripts do.
public struct SQLRow: Sendable {
    /// Column names in order (shared by every row of one result).
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(position: Int) -> SQLValue { position < values.count ? values[position] : .null }

    public subscript(name: String) -> SQLValue {
        guard let position = columns.firstIndex(of: name) else { return .null }
        return values[position]
    }

    /// The column as `T`; throws when it is missing or of another type.
    public func get<T: SQLValueConvertible>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let value = T.fromSQL(self[name]) else { throw StoreError.badColumn(name: name, value: "\(self[name])") }
        return value
    }

    public func get<T: SQLValueConvertible>(_ position: Int, as type: T.Type = T.self) throws -> T {
        guard let value = T.fromSQL(self[position]) else { throw StoreError.badColumn(name: "#\(position)", value: "\(self[position])") }
        return value
    }
}

/// A forward-only cursor over a statement's rows, for scans of millions of
/// rows where building an `SQLRow` per row would cost more than the engine's
/// own work. Values are valid until the next `step()`.
public protocol SQLRowCursor {
    /// Advances to the next row; false at the end.
    func step() throws -> Bool
    func int(_ column: Int32) -> Int64
    func double(_ column: Int32) -> Double
    func isNull(_ column: Int32) -> Bool
    /// The column's text as UTF-8 bytes, valid until the next step.
    func withBytes<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R
}

extension SQLRowCursor {
    public func string(_ column: Int32) -> String { withBytes(column) { String(decoding: $0, as: UTF8.self) } }
}
