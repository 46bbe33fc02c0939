import Foundation
import XCTest

/// Runs `lawquiz` on a pseudo-terminal through a small python3 `pty` driver,
/// so the GNU readline path (line editing, completion, the idle deadline) is
/// exercised as a person would use it.
struct TerminalDriver {
    /// One thing to do: wait for text, type keys, pause, or send a signal.
    enum Step {
        case expect(String, timeout: TimeInterval = 30)
        case type(String)
        case pause(TimeInterval)
        case signal(String)

        var json: [String: Any] {
            switch self {
            case .expect(let text, let timeout): return ["expect": text, "timeout": timeout]
            case .type(let keys): return ["send": keys]
            case .pause(let seconds): return ["sleep": seconds]
            case .signal(let name): return ["signal": name]
            }
        }
    }

    struct Report {
        var failure: String?
        var status: Int?
        /// Output with escape sequences and carriage returns removed.
        var transcript: String
    }

    /// Runs `arguments` with TERM=xterm, LANG=C.UTF-8 (or no locale at all
    /// when `lang` is nil), INPUTRC=/dev/null and HOME in a temporary folder,
    /// playing `steps`. `size` (columns, rows) is set on the terminal before
    /// the program starts; `environment` adds variables; `command` replaces
    /// `lawquiz` and its arguments altogether (a launcher, another binary).
    static func run(
        _ arguments: [String], steps: [Step], runner: DataCommandRunner, lang: String? = "C.UTF-8",
        size: (columns: Int, rows: Int)? = nil, environment extra: [String: String] = [:], command: [String]? = nil
    ) throws -> Report {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
        else { throw XCTSkip("python3 is needed for the pseudo-terminal tests") }
        let home = runner.folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let script = home.appendingPathComponent("pty_driver.py")
        try driverSource.write(to: script, atomically: true, encoding: .utf8)
        let stepData = try JSONSerialization.data(withJSONObject: steps.map(\.json))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, String(decoding: stepData, as: UTF8.self)] + (command ?? [DataCommandRunner.binary.path] + arguments)
        var environment = [
            "PATH": "/usr/bin:/bin", "TERM": "xterm", "INPUTRC": "/dev/null", "HOME": home.path,
            "LAWQUIZ_BANKS": runner.banks.path, "COLUMNS": "100",
        ]
        environment.merge(try runner.storeEnvironment()) { _, new in new }
        environment["LANG"] = lang
        if let size {
            environment["PTY_DRIVER_SIZE"] = "\(size.columns)x\(size.rows)"
        }
        environment.merge(extra) { _, new in new }
        // Without this python would "coerce" the C locale by exporting LC_CTYPE=C.UTF-8 to lawquiz.
        if lang == nil { environment["PYTHONCOERCECLOCALE"] = "0" }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return Report(failure: "driver printed no report", status: nil, transcript: String(decoding: data, as: UTF8.self))
        }
        return Report(
            failure: object["failure"] as? String, status: object["status"] as? Int,
            transcript: object["transcript"] as? String ?? "")
    }

    static let driverSource = #"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

# Drives a program on a pseudo-terminal: steps from argv[1] (JSON):
# {"expect": text, "timeout": s} waits until text appears in the output since
# the last match (escape codes removed); {"send": text} types it;
# {"sleep": s}; {"signal": "HUP"}. Prints a JSON report with the transcript.
steps = json.loads(sys.argv[1])
argv = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    size = os.environ.pop("PTY_DRIVER_SIZE", None)
    if size:
        columns, rows = (int(n) for n in size.split("x"))
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    os.execvp(argv[0], argv)
os.set_blocking(fd, False)
ansi = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]|[\x01\x02\r\x07]")
raw = b""
consumed = 0
def pump(wait):
    global raw
    ready, _, _ = select.select([fd], [], [], wait)
    if ready:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        raw += chunk
    return True
def text():
    return ansi.sub("", raw.decode("utf-8", "replace"))
failure = None
for step in steps:
    if "expect" in step:
        deadline = time.time() + step.get("timeout", 20)
        while True:
            found = text().find(step["expect"], consumed)
            if found >= 0:
                consumed = found + len(step["expect"])
                break
            if time.time() > deadline:
                failure = "timed out waiting for " + json.dumps(step["expect"], ensure_ascii=False)
                break
            if not pump(0.05):
                if text().find(step["expect"], consumed) < 0:
                    failure = "program ended before " + json.dumps(step["expect"], ensure_ascii=False)
                    break
        if failure:
            break
    elif "send" in step:
        for ch in step["send"]:
            os.write(fd, ch.encode("utf-8"))
            time.sleep(step.get("delay", 0.02))
    elif "sleep" in step:
        end = time.time() + step["sleep"]
        while time.time() < end:
            pump(0.05)
    elif "signal" in step:
        os.kill(pid, getattr(signal, "SIG" + step["signal"]))
status = None
end = time.time() + 20
while time.time() < end:
    done, code = os.waitpid(pid, os.WNOHANG)
    if done:
        status = os.waitstatus_to_exitcode(code)
        break
    pump(0.05)
if status is None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
try:
    while pump(0.05):
        pass
except Exception:
    pass
print(json.dumps({"failure": failure, "status": status, "transcript": text()}, ensure_ascii=False))
"""#
}
