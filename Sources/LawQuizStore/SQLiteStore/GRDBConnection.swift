import Foundation
import GRDB

/// `StoreConnection` on a GRDB `Database`: statements are cached per SQL
/// text, so the per-answer statements of a session are prepared once.
struct GRDBConnection: StoreConnection {
    let db: Database

    var dialect: any SQLDialect { SQLiteDialect() }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: Self.arguments(arguments))
        return db.changesCount
    }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        let columns = statement.columnNames
        return try Row.fetchAll(statement, arguments: Self.arguments(arguments)).map { row in
            SQLRow(columns: columns, values: row.databaseValues.map(Self.value))
        }
    }

    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRowCursor) throws -> Void) throws {
        try body(RawRows(db, sql: sql, arguments: Self.arguments(arguments)))
    }

    func executeScript(_ sql: String) throws { try db.execute(sql: sql) }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map(databaseValue))
    }

    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .integer(let number): return number.databaseValue
        case .real(let number): return number.databaseValue
        case .text(let text): return text.databaseValue
        case .blob(let bytes): return Data(bytes).databaseValue
        case .date(let date): return SQLTimestamp.text(date).databaseValue
        }
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob(let data): return .blob([UInt8](data))
        }
    }
}
