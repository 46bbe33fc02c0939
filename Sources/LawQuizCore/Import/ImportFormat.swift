import Foundation

/// The question-bank formats `bank import` reads and `bank export` writes.
public enum ImportFormat: String, Sendable, CaseIterable {
    case excel
    case csv
    case gift
    case aiken
    case moodleXML = "moodle-xml"

    /// Lines of a text format (CRLF, LF or CR ends), blank ones kept so line numbers stay true.
    static func lines(_ text: String) -> [Substring] {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" })
    }

    /// From the extension first, then from the content: a Moodle export is
    /// XML with `<quiz>`, GIFT has `{…}` answer blocks, Aiken has `ANSWER:` lines.
    public static func guess(path: String, data: Data) -> ImportFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "xlsx": return .excel
        case "csv": return .csv
        case "gift": return .gift
        case "xml": return .moodleXML
        default: break
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .excel }
        guard let text = TextDecoding.decode(data)?.text else { return nil }
        if text.contains("<quiz") { return .moodleXML }
        if text.range(of: #"\{[^}]*\}"#, options: .regularExpression) != nil { return .gift }
        if text.range(of: #"(?m)^\s*ANSWER\s*:"#, options: .regularExpression) != nil { return .aiken }
        if text.contains(",") { return .csv }
        return nil
    }
}
