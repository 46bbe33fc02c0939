import Foundation
import LawQuizCore
import XCTest

/// A `lawquiz` process talked to line by line through pipes, as a script
/// would: wait for text, send a line, close input, kill it.
final class LiveSession: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = Data()
    private var consumed = 0
    private let finished = DispatchSemaphore(value: 0)

    init(_ arguments: [String], runner: DataCommandRunner, environment extra: [String: String] = [:]) throws {
        process.executableURL = DataCommandRunner.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LAWQUIZ_BANKS"] = runner.banks.path
        for (key, value) in try runner.storeEnvironment() { environment[key] = value }
        environment["NO_COLOR"] = "1"
        environment["LANG"] = "C.UTF-8"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                buffer.append(chunk)
                lock.unlock()
            }
            finished.signal()
        }
    }

    /// Everything printed so far.
    var transcript: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Waits until `text` appears after the last match; returns the output
    /// from the last match up to and including it.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let limit = Date().addingTimeInterval(timeout)
        while Date() < limit {
            lock.lock()
            let all = String(decoding: buffer, as: UTF8.self)
            lock.unlock()
            let start = all.index(all.startIndex, offsetBy: min(consumed, all.count))
            if let range = all.range(of: text, range: start..<all.endIndex) {
                consumed = all.distance(from: all.startIndex, to: range.upperBound)
                return String(all[start..<range.upperBound])
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTFail("timed out waiting for \(text); output so far:\n\(transcript)", file: file, line: line)
        throw LiveSessionError.timeout(text)
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    func kill(_ signal: Int32) {
        Foundation.kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end and returns its exit status.
    func exitStatus(timeout: TimeInterval = 30) -> Int32? {
        let limit = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < limit { Thread.sleep(forTimeInterval: 0.02) }
        guard !process.isRunning else {
            process.terminate()
            return nil
        }
        _ = finished.wait(timeout: .now() + 5)
        return process.terminationStatus
    }
}

enum LiveSessionError: Error {
    case timeout(String)
    case questionNotFound(String)
}

/// Reads a question card from a session transcript and finds the bank
/// question it shows, so a test can answer right or wrong without knowing
/// the random paper in advance.
struct ShownQuestion {
    var question: Question
    /// Bank letters in the order shown (A, B, …).
    var shownOrder: [String]

    /// The card is the text from `第 n/total 题` up to the input hint.
    init(card: String, catalog: BankCatalog) throws {
        guard let header = card.range(of: #"第 \d+/\d+ 题"#, options: [.regularExpression, .backwards]) else {
            throw LiveSessionError.questionNotFound(card)
        }
        let body = card[header.upperBound...].components(separatedBy: "\n").dropFirst()
            .prefix { !$0.hasPrefix("（输入") }
        var stemLines: [String] = []
        var options: [String] = []
        for line in body {
            if line.count > 5, line.hasPrefix("  "), line.dropFirst(3).hasPrefix(". ") {
                options.append(String(line.dropFirst(5)))
            } else if !options.isEmpty {
                options[options.count - 1] += line
            } else {
                stemLines.append(line)
            }
        }
        let stem = Self.squeeze(stemLines.joined())
        guard let question = catalog.questions.first(where: { Self.squeeze($0.stem) == stem }) else {
            throw LiveSessionError.questionNotFound(stem)
        }
        self.question = question
        shownOrder = try options.map { text in
            guard let option = question.options.first(where: { Self.squeeze($0.text) == Self.squeeze(text) }) else {
                throw LiveSessionError.questionNotFound(text)
            }
            return option.letter
        }
    }

    private static func squeeze(_ text: String) -> String {
        String(TextNormalizer.stripControlCharacters(text).filter { !$0.isWhitespace })
    }

    /// The right answer as it must be typed on this card.
    var rightInput: String {
        switch question.answer {
        case .judgement(let value): return value ? "对" : "错"
        case .options(let letters):
            return shownOrder.enumerated().filter { letters.contains($0.element) }
                .map { String(UnicodeScalar(UInt8(65 + $0.offset))) }.joined()
        }
    }

    /// A wrong answer as it must be typed on this card.
    var wrongInput: String {
        switch question.answer {
        case .judgement(let value): return value ? "错" : "对"
        case .options(let letters):
            let position = shownOrder.firstIndex { !letters.contains($0) } ?? 0
            return String(UnicodeScalar(UInt8(65 + position)))
        }
    }
}
