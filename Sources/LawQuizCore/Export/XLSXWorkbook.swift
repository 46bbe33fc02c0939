import Foundation
import ZIPFoundation

/// Assembles an Office Open XML workbook: each sheet is streamed to its own
/// temporary file, then the package parts are zipped (deflate) with
/// ZIPFoundation. Strings are written inline, so no shared-string table has
/// to be held in memory for 100,000 rows.
public final class XLSXWorkbook {
    private let folder: URL
    private let timeZone: TimeZone
    private var sheetNames: [String] = []
    private var current: (writer: XLSXSheetWriter, descriptor: Int32)?

    /// Creates a scratch folder for the sheet parts; call `save(to:)` or `discard()`.
    public init(timeZone: TimeZone) throws {
        self.timeZone = timeZone
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { discard() }

    /// Starts the next sheet; the previous one is finished.
    public func addSheet(named name: String, columnWidths: [Double] = []) throws -> XLSXSheetWriter {
        try finishCurrent()
        sheetNames.append(name)
        let path = folder.appendingPathComponent("sheet\(sheetNames.count).xml").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ExportError.workbook(path: path, reason: String(cString: strerror(errno))) }
        let writer = try XLSXSheetWriter(writer: ByteWriter(descriptor: descriptor, path: path), columnWidths: columnWidths, timeZone: timeZone)
        current = (writer, descriptor)
        return writer
    }

    private func finishCurrent() throws {
        guard let current else { return }
        self.current = nil
        defer { close(current.descriptor) }
        try current.writer.finish()
    }

    /// Writes the package to `url` (which must not exist yet).
    public func save(to url: URL, title: String) throws {
        try finishCurrent()
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .create)
        } catch {
            throw ExportError.workbook(path: url.path, reason: "无法创建压缩包：\(error)")
        }
        do {
            try add(archive, "[Content_Types].xml", XLSXParts.contentTypes(sheets: sheetNames.count))
            try add(archive, "_rels/.rels", XLSXParts.packageRelationships)
            try add(archive, "docProps/app.xml", XLSXParts.appProperties(sheetNames: sheetNames))
            try add(archive, "docProps/core.xml", XLSXParts.coreProperties(title: title))
            try add(archive, "xl/workbook.xml", XLSXParts.workbook(sheetNames: sheetNames))
            try add(archive, "xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheets: sheetNames.count))
            try add(archive, "xl/styles.xml", XLSXParts.styles)
            for index in sheetNames.indices {
                let part = folder.appendingPathComponent("sheet\(index + 1).xml")
                try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: part, compressionMethod: .deflate)
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError.workbook(path: url.path, reason: "\(error)")
        }
    }

    private func add(_ archive: Archive, _ path: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Removes the scratch folder.
    public func discard() {
        if let current { close(current.descriptor) }
        current = nil
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The fixed XML parts of a workbook package.
enum XLSXParts {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheets: Int) -> String {
        var xml = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for index in 1...max(1, sheets) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        xml += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        xml += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        return xml + "</Types>"
    }

    static let packageRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static func appProperties(sheetNames: [String]) -> String {
        header + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>lawquiz</Application></Properties>"#
    }

    static func coreProperties(title: String) -> String {
        header + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#
            + "<dc:title>\(XMLText.escaped(title))</dc:title><dc:creator>lawquiz</dc:creator></cp:coreProperties>"
    }

    static func workbook(sheetNames: [String]) -> String {
        var xml = header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><bookViews><workbookView/></bookViews><sheets>"
        for (index, name) in sheetNames.enumerated() {
            xml += "<sheet name=\"\(XMLText.escaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(sheets: Int) -> String {
        var xml = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...max(1, sheets) {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Cell formats, indexed by `XLSXCell.style`: 0 general, 1 `0.0%`,
    /// 2 `[h]:mm:ss`, 3 `yyyy-mm-dd hh:mm:ss`, 4 bold, 5 `0.0`, 6 `0.00`.
    static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + #"<numFmts count="4"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/>"#
        + #"<numFmt numFmtId="166" formatCode="yyyy\-mm\-dd\ hh:mm:ss"/><numFmt numFmtId="167" formatCode="0.0"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
