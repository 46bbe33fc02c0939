import Foundation

/// A value bound to, or read from, a statement of either engine. Timestamps
/// are bound as `.date` and each engine stores them its own way (SQLite:
/// `YYYY-MM-DD HH:MM:SS.SSS` text in UTC; PostgreSQL: `timestamptz`), both to
/// the millisecond, so an audit payload hashed before a write matches the
/// row read back.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case date(Date)

    public var isNull: Bool { if case .null = self { return true } else { return false } }
}

/// A Swift value that binds as an `SQLValue` and decodes from one.
public protocol SQLValueConvertible {
    var sqlValue: SQLValue { get }
    /// Nil when the stored value cannot be this type.
    static func fromSQL(_ value: SQLValue) -> Self?
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self) }
    public static func fromSQL(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let number): return number
        case .real(let number) where number.rounded() == number && abs(number) < 9.2e18: return Int64(number)
        case .text(let text): return Int64(text) ?? Double(text).flatMap { $0.rounded() == $0 ? Int64(exactly: $0) : nil }
        default: return nil
        }
    }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func fromSQL(_ value: SQLValue) -> Int? { Int64.fromSQL(value).map(Int.init) }
}

extension Int32: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func fromSQL(_ value: SQLValue) -> Int32? { Int64.fromSQL(value).flatMap(Int32.init(exactly:)) }
}

extension UInt64: SQLValueConvertible {
    /// Stored as the signed 64-bit pattern (SQL has no unsigned integers).
    public var sqlValue: SQLValue { .integer(Int64(bitPattern: self)) }
    public static func fromSQL(_ value: SQLValue) -> UInt64? { Int64.fromSQL(value).map { UInt64(bitPattern: $0) } }
}

extension Double: SQLValueConvertible {
    public var sqlValue: SQLValue { .real(self) }
    public static func fromSQL(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let number): return number
        case .integer(let number): return Double(number)
        case .text(let text): return Double(text)
        default: return nil
        }
    }
}

extension Bool: SQLValueConvertible {
    /// Stored as 0 / 1 in an integer column on both engines.
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    public static func fromSQL(_ value: SQLValue) -> Bool? { Int64.fromSQL(value).map { $0 != 0 } }
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self) }
    public static func fromSQL(_ value: SQLValue) -> String? {
        switch value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .blob(let bytes): return String(bytes: bytes, encoding: .utf8)
        case .date(let date): return SQLTimestamp.text(date)
        case .null: return nil
        }
    }
}

extension Date: SQLValueConvertible {
    public var sqlValue: SQLValue { .date(self) }
    public static func fromSQL(_ value: SQLValue) -> Date? {
        switch value {
        case .date(let date): return date
        case .text(let text): return SQLTimestamp.date(text)
        case .real(let seconds): return Date(timeIntervalSince1970: seconds)
        default: return nil
        }
    }
}

extension Data: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
    public static func fromSQL(_ value: SQLValue) -> Data? {
        switch value {
        case .blob(let bytes): return Data(bytes)
        case .text(let text): return Data(text.utf8)
        default: return nil
        }
    }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
    /// `.some(nil)` for NULL, nil when a non-null value has the wrong type.
    public static func fromSQL(_ value: SQLValue) -> Wrapped?? {
        if value.isNull { return .some(nil) }
        return Wrapped.fromSQL(value).map { .some($0) }
    }
}

/// The text form of timestamps in SQLite stores (what GRDB has always
/// written): UTC, millisecond precision.
public enum SQLTimestamp {
    /// `YYYY-MM-DD HH:MM:SS.SSS` in UTC.
    public static func text(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = Int64((milliseconds / 1000).rounded(.down))
        let fraction = Int(milliseconds - Double(seconds) * 1000)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2)) "
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(fraction), 3))"
    }

    /// Parses `YYYY-MM-DD[ T]HH:MM[:SS[.SSS]]`, UTC; nil for anything else.
    public static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 16, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if bytes.count >= 19, let value = number(17, 2) {
            second = value
            if bytes.count > 20, bytes[19] == UInt8(ascii: ".") {
                let digits = bytes[20...].prefix { $0 >= 48 && $0 <= 57 }
                if let value = Double("0." + String(decoding: digits, as: UTF8.self)) { fraction = value }
            }
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
