import Foundation
import LawQuizCore

/// The canonical text of one audit entry: `name=value` lines in a fixed
/// order, values escaped so a line break in a name cannot forge a field.
/// Text rather than JSON so the hashed bytes never depend on an encoder.
public struct AuditPayload: Sendable, Hashable {
    public private(set) var fields: [(name: String, value: String)] = []

    public init(kind: AuditKind) { add("kind", kind.rawValue) }

    public static func == (lhs: AuditPayload, rhs: AuditPayload) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    mutating func add(_ name: String, _ value: String) { fields.append((name, value)) }
    mutating func add(_ name: String, _ value: Int64) { add(name, String(value)) }
    mutating func add(_ name: String, _ value: Double) { add(name, String(value)) }
    mutating func add(_ name: String, _ value: Bool) { add(name, value ? "1" : "0") }
    /// Dates as the store writes them, so a comparison with a column is exact.
    mutating func add(_ name: String, _ value: Date) { add(name, Self.text(value)) }

    /// The bytes that are hashed.
    public var text: String {
        fields.map { "\($0.name)=\(Self.escape($0.value))" }.joined(separator: "\n")
    }

    /// Field lookup by name (the last one wins).
    public subscript(name: String) -> String? { fields.last { $0.name == name }?.value }

    public var kind: AuditKind? { self["kind"].flatMap(AuditKind.init(rawValue:)) }

    /// Parses stored text back into fields.
    public init(text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields.append((String(line[..<equals]), Self.unescape(String(line[line.index(after: equals)...]))))
        }
    }

    static func text(_ date: Date) -> String { SQLTimestamp.text(date) }

    /// `\` → `\\`, line feed → `\n`, carriage return → `\r`, byte by byte (as
    /// Foundation's `replacingOccurrences` did, one UTF-16 unit at a time, so a
    /// `\r\n` pair is two escapes): the same text, without bridging each value
    /// through NSString, about 0.15 ms of a new attempt's start (README, "Launch").
    static func escape(_ value: String) -> String {
        let backslash = UInt8(ascii: "\\"), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        guard value.utf8.contains(where: { $0 == backslash || $0 == lineFeed || $0 == carriageReturn }) else { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            switch byte {
            case backslash: bytes += [backslash, backslash]
            case lineFeed: bytes += [backslash, UInt8(ascii: "n")]
            case carriageReturn: bytes += [backslash, UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func unescape(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" ? "\n" : character == "r" ? "\r" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// What an audit entry records.
public enum AuditKind: String, Sendable, Hashable {
    /// First entry; snapshots written before the chain existed follow it.
    case genesis
    /// An attempt that existed when the chain was started (store upgrade).
    case attemptSnapshot = "attempt_snapshot"
    case attemptStarted = "attempt_started"
    case answerCommitted = "answer_committed"
    case attemptSubmitted = "attempt_submitted"
    case rosterImported = "roster_imported"
    case pinChanged = "pin_changed"
    case papersIssued = "papers_issued"
}

/// The fingerprint of a drawn paper with its frozen keys, deadline aside: an
/// edited key, point value or option order changes it.
enum PaperDigest {
    static func hex(_ items: [StoredPaperItem]) -> String {
        let text = items.map { stored in
            let item = stored.item
            return [
                String(item.index), item.questionID, item.contentHash, item.optionOrder.joined(), stored.key.code,
                String(item.points), String(item.sectionIndex), item.type.rawValue, item.lawID,
            ].joined(separator: "|")
        }.joined(separator: "\n")
        return AuditDigest.sha256Hex(text)
    }
}
