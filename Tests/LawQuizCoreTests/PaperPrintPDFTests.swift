import Foundation
import LawQuizCore
import XCTest

/// The papers file in a real browser: headless Chromium prints it to PDF and
/// `pdfinfo` (poppler-utils) counts the pages. Each paper must start on a new
/// page and its answer sheet on another, so the pages of several papers in one
/// file are exactly the sum of each paper printed alone, and every paper takes
/// at least two pages (questions, answer sheet). `scripts/setup` installs both
/// tools; without them the test is skipped and says which one is missing.
final class PaperPrintPDFTests: XCTestCase {
    func testPapersStartOnNewPagesWhenPrintedByChromium() throws {
        let chromium = try tool(["chromium", "chromium-browser", "google-chrome"])
        let pdfinfo = try tool(["pdfinfo"])
        let catalog = try SharedCatalog.get()
        let exam = try ExamDefinitionLoader.load(
            file: ExamTestPaths.questionBanks.appendingPathComponent("exams/2023-annual.yaml").path, library: catalog.library)
        let drawer = PaperDrawer(catalog: catalog)
        let papers = try (1...3).map { PrintedPaper(number: $0, paper: try drawer.draw(exam, seed: UInt64($0)), checkCode: "abc12\($0)") }
        let renderer = PaperSheetHTML(exam: exam, catalog: catalog)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let together = try pages(renderer.papers(papers), name: "all", in: folder, chromium: chromium, pdfinfo: pdfinfo)
        var alone: [Int] = []
        for paper in papers {
            alone.append(try pages(renderer.papers([paper]), name: "paper\(paper.number)", in: folder, chromium: chromium, pdfinfo: pdfinfo))
        }
        print("PDF pages: \(together) for 3 papers; alone \(alone)")
        XCTAssertTrue(alone.allSatisfy { $0 >= 2 }, "questions and answer sheet on separate pages: \(alone)")
        XCTAssertEqual(together, alone.reduce(0, +), "each paper starts on a new page")
    }

    private func pages(_ html: String, name: String, in folder: URL, chromium: String, pdfinfo: String) throws -> Int {
        let page = folder.appendingPathComponent("\(name).html")
        let pdf = folder.appendingPathComponent("\(name).pdf")
        try html.write(to: page, atomically: true, encoding: .utf8)
        _ = try run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ])
        let info = try run(pdfinfo, [pdf.path])
        let line = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }, info)
        return try XCTUnwrap(Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
    }

    private func tool(_ names: [String]) throws -> String {
        for name in names {
            for directory in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        throw XCTSkip("\(names[0]) is not installed (scripts/setup installs chromium and poppler-utils with apt-get)")
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(description: "\(executable) \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

private struct ToolFailure: Error, CustomStringConvertible {
    var description: String
}
