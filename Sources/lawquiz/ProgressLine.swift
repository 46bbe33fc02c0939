import Foundation

/// Progress on standard error for long imports and exports: shown only on a
/// terminal, and only once the work has taken more than a second, so quick
/// runs and redirected output stay clean.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast
    private var visible = false
    private var finished = false
    private var timer: DispatchSourceTimer?
    private let enabled: Bool

    init(_ label: String) {
        self.label = label
        enabled = isatty(STDERR_FILENO) == 1
    }

    /// Redraws `label 45%（done/total）` at most ten times a second.
    func update(_ done: Int, _ total: Int) {
        let percent = total > 0 ? " \(min(100, done * 100 / total))%" : ""
        draw("\(label)\(percent)（\(done)/\(total)）")
    }

    /// Redraws `label：item` (work whose total is not known ahead).
    func draw(item: String) {
        draw("\(label)：\(item)")
    }

    /// For work that cannot count its steps: shows `label… 3 秒` from a timer until `finish()`.
    func showElapsed() {
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + 1, repeating: 0.5)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            self.draw("\(self.label)… \(Int(Date().timeIntervalSince(self.start))) 秒")
        }
        self.timer = timer
        timer.resume()
    }

    private func draw(_ text: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard !finished, now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        visible = true
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Stops the timer and clears the line when it was shown.
    func finish() {
        timer?.cancel()
        timer = nil
        lock.lock()
        defer { lock.unlock() }
        finished = true
        guard visible else { return }
        visible = false
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
