import Foundation

/// One CSV record with the line it starts on (1-based), for messages.
public struct CSVRecord: Sendable, Hashable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Why CSV text could not be read.
public struct CSVError: LocalizedError, Sendable, Hashable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var errorDescription: String? { "第 \(line) 行：\(message)" }
}

/// An RFC 4180 reader that keeps line numbers (quoted fields may span lines,
/// `""` is a quote; CRLF, LF and CR line ends). Written here rather than using
/// SwiftCSV because roster errors must name the line.
public enum CSVReader {
    /// Tab for Excel's "Unicode 文本" export (tab-separated UTF-16), comma otherwise:
    /// tab when the first lines have tabs and no commas.
    public static func guessDelimiter(_ text: String) -> Character {
        let head = text.prefix(4096).split(whereSeparator: \.isNewline).prefix(5)
        let tabs = head.contains { $0.contains("\t") }
        return tabs && !head.contains(where: { $0.contains(",") }) ? "\t" : ","
    }

    /// A spreadsheet's saved file as records: decoded (UTF-8 with or without
    /// BOM, UTF-16, GBK/GB18030 — what Excel writes), split with the guessed
    /// delimiter. Shared by every CSV a user hands in (roster, answer sheets).
    public static func records(decoding data: Data) throws -> (records: [CSVRecord], encoding: TextDecoding.Encoding) {
        guard let (text, encoding) = TextDecoding.decode(data) else {
            throw CSVError(line: 1, message: "无法识别文件编码（应为 UTF-8 或 GBK/GB18030）")
        }
        return (try records(text, delimiter: guessDelimiter(text)), encoding)
    }

    /// Column positions by name in a header row: each wanted column's first
    /// header cell matching one of its aliases (trimmed, case-insensitive).
    public static func columns(of header: CSVRecord, aliases: [String: [String]]) -> [String: Int] {
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var columns: [String: Int] = [:]
        for (column, accepted) in aliases {
            if let index = names.firstIndex(where: accepted.contains) { columns[column] = index }
        }
        return columns
    }

    public static func records(_ text: String, delimiter: Character = ",") throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var characters = text.makeIterator()
        var pending: Character? = characters.next()
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
        }
        while let character = pending {
            pending = characters.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
            case delimiter:
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            default:
                if afterQuote { throw CSVError(line: line, message: "引号后应紧跟逗号或换行") }
                field.append(character)
            }
        }
        if inQuotes { throw CSVError(line: recordLine, message: "引号未闭合") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
