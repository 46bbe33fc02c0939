import Foundation

/// Progress on standard error for long imports and exports: shown only on a
/// terminal, and only once the work has taken more than a second, so quick
/// runs and redirected output stay clean.
final class ProgressLine {
    private let label: String
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var visible = false
    private let enabled: Bool

    init(_ label: String) {
        self.label = label
        enabled = isatty(STDERR_FILENO) == 1
    }

    /// Redraws `label 45%（done/total）` at most ten times a second.
    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        visible = true
        let percent = total > 0 ? " \(min(100, done * 100 / total))%" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label)\(percent)（\(done)/\(total)）".utf8))
    }

    /// Clears the line when it was shown.
    func finish() {
        guard visible else { return }
        visible = false
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
