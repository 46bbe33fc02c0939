import Foundation
import PostgresNIO

/// `SQLValue` to and from PostgreSQL's binary wire format. Timestamps go as
/// whole milliseconds (the precision both engines keep, so an audit payload
/// hashed before a write matches the row read back).
enum PostgresValueCoding {
    /// Microseconds from 1970 to PostgreSQL's epoch, 2000-01-01 UTC.
    private static let epochOffsetMicroseconds: Int64 = 946_684_800_000_000

    static func bindings(_ values: [SQLValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null:
                // Type 0: the server infers it from where the parameter is used.
                bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            case .date(let date):
                let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
                var buffer = ByteBuffer()
                buffer.writeInteger(milliseconds * 1000 - epochOffsetMicroseconds)
                bindings.append(PostgresData(type: .timestamptz, formatCode: .binary, value: buffer))
            }
        }
        return bindings
    }

    /// One cell as an `SQLValue`, by its column type. Integral `numeric`s
    /// (what `SUM` of integers returns) become `.integer`.
    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard var buffer = cell.bytes else { return .null }
        func bad() -> StoreError {
            .badColumn(name: cell.columnName, value: "PostgreSQL 类型 \(cell.dataType.rawValue)，\(buffer.readableBytes) 字节")
        }
        guard cell.format == .binary else {
            return .text(buffer.readString(length: buffer.readableBytes) ?? "")
        }
        switch cell.dataType {
        case .int2:
            guard let number = buffer.readInteger(as: Int16.self) else { throw bad() }
            return .integer(Int64(number))
        case .int4, .oid:
            guard let number = buffer.readInteger(as: Int32.self) else { throw bad() }
            return .integer(cell.dataType == .oid ? Int64(UInt32(bitPattern: number)) : Int64(number))
        case .int8:
            guard let number = buffer.readInteger(as: Int64.self) else { throw bad() }
            return .integer(number)
        case .float4:
            guard let bits = buffer.readInteger(as: UInt32.self) else { throw bad() }
            return .real(Double(Float(bitPattern: bits)))
        case .float8:
            guard let bits = buffer.readInteger(as: UInt64.self) else { throw bad() }
            return .real(Double(bitPattern: bits))
        case .bool:
            guard let byte = buffer.readInteger(as: UInt8.self) else { throw bad() }
            return .integer(byte == 0 ? 0 : 1)
        case .text, .varchar, .name, .bpchar, .unknown, .json, .char:
            return .text(buffer.readString(length: buffer.readableBytes) ?? "")
        case .bytea:
            return .blob(buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .timestamptz, .timestamp:
            guard let microseconds = buffer.readInteger(as: Int64.self) else { throw bad() }
            return .date(Date(timeIntervalSince1970: Double(microseconds + epochOffsetMicroseconds) / 1_000_000))
        case .date:
            guard let days = buffer.readInteger(as: Int32.self) else { throw bad() }
            return .date(Date(timeIntervalSince1970: Double(Int64(days) * 86_400 + epochOffsetMicroseconds / 1_000_000)))
        case .numeric:
            guard let value = numeric(&buffer) else { throw bad() }
            return value
        default:
            throw bad()
        }
    }

    /// Binary `numeric`: digit count, weight (of the first base-10000 digit),
    /// sign, display scale, then the base-10000 digits.
    static func numeric(_ buffer: inout ByteBuffer) -> SQLValue? {
        guard let count = buffer.readInteger(as: Int16.self), let weight = buffer.readInteger(as: Int16.self),
            let sign = buffer.readInteger(as: UInt16.self), buffer.readInteger(as: Int16.self) != nil, count >= 0
        else { return nil }
        if sign == 0xC000 { return .real(.nan) }
        if sign == 0xD000 { return .real(.infinity) }
        if sign == 0xF000 { return .real(-.infinity) }
        var digits: [Int16] = []
        for _ in 0..<count {
            guard let digit = buffer.readInteger(as: Int16.self), (0..<10_000).contains(digit) else { return nil }
            digits.append(digit)
        }
        let negative = sign == 0x4000
        // Digit i is worth 10000^(weight - i): integral when every digit below 10000^0 is zero.
        let integral = digits.enumerated().allSatisfy { position, digit in Int(weight) - position >= 0 || digit == 0 }
        if integral, Int(weight) < 5 {
            var total: Int64 = 0
            var fits = true
            for position in 0...max(Int(weight), 0) where Int(weight) >= 0 {
                let digit = position < digits.count ? Int64(digits[position]) : 0
                let (product, overflow) = total.multipliedReportingOverflow(by: 10_000)
                let (sum, overflow2) = product.addingReportingOverflow(digit)
                if overflow || overflow2 { fits = false; break }
                total = sum
            }
            if fits { return .integer(negative ? -total : total) }
        }
        // Otherwise as text, which Double parses exactly to the nearest value.
        var text = negative ? "-" : ""
        if weight < 0 {
            text += "0." + String(repeating: "0000", count: Int(-weight) - 1)
            for digit in digits { text += pad(digit) }
        } else {
            for position in 0...Int(weight) {
                let digit = position < digits.count ? digits[position] : 0
                text += position == 0 ? String(digit) : pad(digit)
            }
            if digits.count > Int(weight) + 1 {
                text += "." + digits[(Int(weight) + 1)...].map(pad).joined()
            }
        }
        return Double(text).map(SQLValue.real)
    }

    private static func pad(_ digit: Int16) -> String {
        let text = String(digit)
        return String(repeating: "0", count: 4 - text.count) + text
    }
}
