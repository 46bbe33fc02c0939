import Foundation
import XCTest

/// In a setgid installation the pager, a program the user chooses, must not
/// run with the program's group (it could then open the results store).
/// A setgid copy of `lawquiz` is run as `nobody` on a pseudo-terminal with a
/// pager that prints its group ids (run directly, not through a shell that
/// might drop them itself).
final class PagerGroupTests: XCTestCase {
    /// An installed program as another user: its store is the file the test installs.
    private var runner = DataCommandRunner(sqliteOnly: true)

    override func tearDown() {
        runner.cleanUp()
    }

    func testPagerRunsWithTheRealGroupOfASetgidInstall() throws {
        guard getuid() == 0 else { throw XCTSkip("making a setgid copy owned by another group needs root") }
        guard let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("setpriv (util-linux) is needed to run as nobody")
        }
        let manager = FileManager.default
        let folder = runner.folder.appendingPathComponent("setgid")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try manager.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        let programGroup = 54_321, nobody = 65_534
        /// A setgid copy of `executable`, group `programGroup`.
        func setgidCopy(_ executable: String, named name: String) throws -> String {
            let copy = folder.appendingPathComponent(name).path
            try manager.copyItem(atPath: executable, toPath: copy)
            XCTAssertEqual(chown(copy, 0, gid_t(programGroup)), 0)
            XCTAssertEqual(chmod(copy, 0o2755), 0)
            return copy
        }
        let asNobody = [setpriv, "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups"]
        let environment = ["LAWQUIZ_CACHE": "off", "LAWQUIZ_BANKS": runner.banks.path]

        // Control: this file system honours setgid bits (a setgid env runs grep with the group).
        let env = try setgidCopy("/usr/bin/env", named: "env")
        let control = try TerminalDriver.run(
            [], steps: [], runner: runner, size: (80, 24), environment: environment,
            command: asNobody + [env, "grep", "^Gid:", "/proc/self/status"])
        guard control.transcript.contains(String(programGroup)) else {
            throw XCTSkip("setgid bits are not honoured here: \(control.transcript)")
        }

        // The pager prints its own ids (real, effective, saved, file-system) to the terminal. A setgid
        // binary runs only as an installation: bin/lawquiz beside share/lawquiz/lawquiz.yaml (root's).
        try manager.createDirectory(at: folder.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let share = folder.appendingPathComponent("share/lawquiz")
        try manager.createDirectory(at: share, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("share").path)
        let state = folder.appendingPathComponent("state")
        try manager.createDirectory(at: state, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        let config = "banks: \(runner.banks.path)\nstore: \(state.path)/lawquiz.sqlite\ncache: \(state.path)/cache\n"
        XCTAssertTrue(manager.createFile(
            atPath: share.appendingPathComponent("lawquiz.yaml").path, contents: Data(config.utf8),
            attributes: [.posixPermissions: 0o644]))
        let lawquiz = try setgidCopy(DataCommandRunner.binary.path, named: "bin/lawquiz")
        let pagerEnvironment = ["LAWQUIZ_PAGER": "grep Gid: /proc/self/status"]
        let report = try TerminalDriver.run(
            [], steps: [], runner: runner, size: (80, 24), environment: pagerEnvironment,
            command: asNobody + ["/usr/bin/env"] + ["LAWQUIZ_BANKS", "LAWQUIZ_RESULTS", "LAWQUIZ_CACHE"].flatMap { ["-u", $0] }
                + [lawquiz, "law", "search", "档案", "利用"])
        XCTAssertEqual(report.status, 0, report.transcript)
        let ids = report.transcript.split(separator: "\n").first { $0.hasPrefix("Gid:") } ?? ""
        let fields = ids.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst()
        XCTAssertEqual(Array(fields), Array(repeating: Substring(String(nobody)), count: 4), report.transcript)
    }
}
