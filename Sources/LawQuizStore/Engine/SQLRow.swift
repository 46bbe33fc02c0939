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

    /// The raw value at a position (`.null` past the end).
    public func value(at position: Int) -> SQLValue { position < values.count ? values[position] : .null }

    /// The raw value of a named column (`.null` when there is none).
    public func value(named name: String) -> SQLValue {
        guard let position = columns.firstIndex(of: name) else { return .null }
        return values[position]
    }

    /// The named column as `T` (an Optional for nullable columns); throws
    /// when it is missing or of another type.
    public subscript<T: SQLValueConvertible>(name: String) -> T {
        get throws {
            guard let value = T.fromSQL(value(named: name)) else {
                throw StoreError.badColumn(name: name, value: "\(value(named: name))")
            }
            return value
        }
    }

    /// The column at `position` as `T`.
    public subscript<T: SQLValueConvertible>(position: Int) -> T {
        get throws {
            guard let value = T.fromSQL(value(at: position)) else {
                throw StoreError.badColumn(name: "#\(position)", value: "\(value(at: position))")
            }
            return value
        }
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
    /// The column as a value of its stored type (copying between engines).
    func value(_ column: Int32) -> SQLValue
    /// The column's text as UTF-8 bytes, valid until the next step.
    func withBytes<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R
}

extension SQLRowCursor {
    public func string(_ column: Int32) -> String { withBytes(column) { String(decoding: $0, as: UTF8.self) } }
}
