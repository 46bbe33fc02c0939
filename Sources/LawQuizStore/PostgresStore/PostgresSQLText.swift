import Foundation

/// The store's SQL made ready for PostgreSQL: `?` / `?NNN` placeholders
/// numbered as `$N`, and schema scripts split into statements (postgres-nio
/// sends every statement through the extended protocol, which takes one at
/// a time). Both skip what is not SQL code: `'…'` strings (and `E'…'` with
/// backslash escapes), `"…"` identifiers, `$tag$…$tag$` bodies, `--` and
/// `/* */` comments.
enum PostgresSQLText {
    /// `?` becomes `$N` with N one more than the highest number so far (as
    /// SQLite numbers them); `?NNN` becomes `$NNN`.
    static func numberingPlaceholders(_ sql: String) -> String {
        let bytes = Array(sql.utf8)
        guard bytes.contains(UInt8(ascii: "?")) else { return sql }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var highest = 0
        var skipUntil = 0
        walk(bytes) { index, kind in
            guard index >= skipUntil else { return }
            let byte = bytes[index]
            guard kind == .code, byte == UInt8(ascii: "?") else {
                output.append(byte)
                return
            }
            var end = index + 1
            var number = 0
            while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57, number < 100_000 {
                number = number * 10 + Int(bytes[end] - 48)
                end += 1
            }
            if end == index + 1 {
                highest += 1
                number = highest
            } else {
                highest = max(highest, number)
                skipUntil = end
            }
            output.append(UInt8(ascii: "$"))
            output.append(contentsOf: Array(String(number).utf8))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The `;`-separated statements of a script, without empty or
    /// comment-only ones.
    static func statements(_ sql: String) -> [String] {
        let bytes = Array(sql.utf8)
        var statements: [String] = []
        var start = 0
        var hasCode = false
        func finish(_ end: Int) {
            if hasCode {
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                statements.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            start = end + 1
            hasCode = false
        }
        walk(bytes) { index, kind in
            let byte = bytes[index]
            if kind == .code, byte == UInt8(ascii: ";") {
                finish(index)
            } else if kind == .literal || (kind == .code && !isSpace(byte)) {
                hasCode = true
            }
        }
        finish(bytes.count)
        return statements
    }

    enum Kind { case code, literal, comment }

    /// Calls `visit` for every byte with what it is part of.
    private static func walk(_ bytes: [UInt8], _ visit: (Int, Kind) -> Void) {
        var index = 0
        let count = bytes.count
        func at(_ position: Int) -> UInt8 { position >= 0 && position < count ? bytes[position] : 0 }
        func mark(_ from: Int, _ to: Int, _ kind: Kind) {
            var position = from
            while position < min(to, count) {
                visit(position, kind)
                position += 1
            }
        }
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "'"):
                let backslashes = index > 0 && (at(index - 1) | 0x20) == UInt8(ascii: "e") && !isWord(at(index - 2))
                var end = index + 1
                while end < count {
                    if backslashes, bytes[end] == UInt8(ascii: "\\") { end += 2; continue }
                    if bytes[end] == UInt8(ascii: "'") {
                        if at(end + 1) == UInt8(ascii: "'") { end += 2; continue }
                        break
                    }
                    end += 1
                }
                mark(index, end + 1, .literal)
                index = end + 1
            case UInt8(ascii: "\""):
                var end = index + 1
                while end < count {
                    if bytes[end] == UInt8(ascii: "\"") {
                        if at(end + 1) == UInt8(ascii: "\"") { end += 2; continue }
                        break
                    }
                    end += 1
                }
                mark(index, end + 1, .literal)
                index = end + 1
            case UInt8(ascii: "-") where at(index + 1) == UInt8(ascii: "-"):
                var end = index
                while end < count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                mark(index, end, .comment)
                index = end
            case UInt8(ascii: "/") where at(index + 1) == UInt8(ascii: "*"):
                var depth = 1
                var end = index + 2
                while end < count, depth > 0 {
                    if bytes[end] == UInt8(ascii: "/"), at(end + 1) == UInt8(ascii: "*") {
                        depth += 1
                        end += 2
                    } else if bytes[end] == UInt8(ascii: "*"), at(end + 1) == UInt8(ascii: "/") {
                        depth -= 1
                        end += 2
                    } else {
                        end += 1
                    }
                }
                mark(index, end, .comment)
                index = end
            case UInt8(ascii: "$") where !isWord(at(index - 1)):
                // `$tag$` or `$$` opens a dollar-quoted body; `$1` is a parameter.
                var tagEnd = index + 1
                while tagEnd < count, isWord(bytes[tagEnd]), !(tagEnd == index + 1 && isDigit(bytes[tagEnd])) { tagEnd += 1 }
                guard at(tagEnd) == UInt8(ascii: "$") else {
                    visit(index, .code)
                    index += 1
                    continue
                }
                let tag = Array(bytes[index...tagEnd])
                var end = tagEnd + 1
                while end < count, !(bytes[end] == UInt8(ascii: "$") && end + tag.count <= count && Array(bytes[end..<(end + tag.count)]) == tag) {
                    end += 1
                }
                let close = min(count, end + tag.count)
                mark(index, close, .literal)
                index = close
            default:
                visit(index, .code)
                index += 1
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }
    /// Letters, digits, `_` and any non-ASCII byte (PostgreSQL identifiers may hold them).
    private static func isWord(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}
