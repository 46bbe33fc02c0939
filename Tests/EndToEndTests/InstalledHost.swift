import Foundation
import XCTest

/// A throw-away installation for the installed-mode end-to-end tests, run as
/// root: the built lawquiz put set-group-id into a temporary prefix by
/// `scripts/install` (as `make install` does), logins made with useradd,
/// and lawquiz run as one of them through `runuser` with a clean
/// environment. `remove()` takes away the users, the groups it created and
/// the folder.
final class InstalledHost {
    let tag = String(UUID().uuidString.prefix(6)).lowercased()
    let root: URL
    var prefix: URL { root.appendingPathComponent("usr") }
    var sysconf: URL { root.appendingPathComponent("etc") }
    var state: URL { root.appendingPathComponent("var/lib/lawquiz") }
    var binary: String { prefix.appendingPathComponent("bin/lawquiz").path }
    /// The configuration `scripts/install` wrote (root:root 0644).
    var config: URL { sysconf.appendingPathComponent("lawquiz/lawquiz.yaml") }
    private var users: [String] = []
    private var createdGroups: [String] = []

    /// Installs; skips, saying why, when not root or a tool is missing
    /// (`tools` beyond runuser and useradd).
    init(tools: [String] = []) throws {
        guard getuid() == 0 else {
            throw XCTSkip("安装模式测试需要 root（安装 set-group-id 程序、用 useradd 建用户）；当前不是 root，已跳过")
        }
        for tool in ["/usr/sbin/runuser", "/usr/sbin/useradd"] + tools where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("缺少 \(tool)")
        }
        root = URL(fileURLWithPath: "/tmp/lawquiz-installed-\(tag)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        for group in ["lawquiz", "lawquiz-admin"] {
            if try shell("getent", ["group", group]).status != 0 { createdGroups.append(group) }
        }
        let install = try run(script: "install")
        guard install.status == 0 else {
            remove()
            throw InstallFailure(output: install.stdout + install.stderr)
        }
    }

    struct InstallFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { "scripts/install 失败：\(output)" }
    }

    /// `scripts/install ACTION` on this host's folders.
    func run(script action: String) throws -> DataCommandRunner.Output {
        try shell(
            "/bin/bash", [DataCommandRunner.repositoryRoot.appendingPathComponent("scripts/install").path, action],
            environment: [
                "PREFIX": prefix.path, "SYSCONFDIR": sysconf.path, "STATEDIR": root.appendingPathComponent("var/lib").path,
                "BINARY": DataCommandRunner.binary.path, "TIME_ZONE": "Asia/Shanghai",
            ])
    }

    /// Adds the login `lqs<tag><suffix>` (no home) in `groups`; returns its name.
    @discardableResult
    func addUser(_ suffix: String, groups: [String] = []) throws -> String {
        let name = "lqs\(tag)\(suffix)"
        let added = try shell("/usr/sbin/useradd", ["-M", "-N", "-s", "/bin/sh"] + (groups.isEmpty ? [] : ["-G", groups.joined(separator: ",")]) + [name])
        XCTAssertEqual(added.status, 0, added.stderr)
        users.append(name)
        return name
    }

    func remove() {
        for user in users { _ = try? shell("/usr/sbin/userdel", [user]) }
        for group in createdGroups { _ = try? shell("/usr/sbin/groupdel", [group]) }
        try? FileManager.default.removeItem(at: root)
    }

    /// lawquiz as `user` through runuser, with a clean environment plus `environment`.
    func lawquiz(
        as user: String, _ arguments: [String], input: String = "", environment: [String: String] = [:], wrapper: [String] = []
    ) throws -> DataCommandRunner.Output {
        let variables = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "NO_COLOR=1"] + environment.map { "\($0.key)=\($0.value)" }
        return try shell(
            "/usr/sbin/runuser", ["-u", user, "--", "/usr/bin/env", "-i"] + variables + wrapper + [binary] + arguments, input: input)
    }

    /// Whether `user` can read `path` outside lawquiz (with `cat`).
    func canRead(_ path: String, as user: String) throws -> Bool {
        try shell("/usr/sbin/runuser", ["-u", user, "--", "/bin/cat", path]).status == 0
    }

    /// Writes a file as root with the owner and mode given (`root:lawquiz`, 0o640).
    func writeFile(_ text: String, to url: URL, owner: String, mode: Int) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(try shell("/bin/chown", [owner, url.path]).status, 0)
        chmod(url.path, mode_t(mode))
    }

    /// An exam file in the installed banks (root:lawquiz 0640, as `make install` leaves them).
    func addExam(_ id: String, _ yaml: String) throws {
        try writeFile(yaml, to: prefix.appendingPathComponent("share/lawquiz/exams/\(id).yaml"), owner: "root:lawquiz", mode: 0o640)
    }

    func groupName(_ id: gid_t) -> String? {
        guard let entry = getgrgid(id), let name = entry.pointee.gr_name else { return nil }
        return String(cString: name)
    }

    func shell(_ program: String, _ arguments: [String], input: String = "", environment: [String: String]? = nil) throws
        -> DataCommandRunner.Output
    {
        try DataCommandRunner.launch(
            URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/\(program)"), arguments, input: input,
            environment: environment.map { ProcessInfo.processInfo.environment.merging($0) { $1 } }, directory: root)
    }
}
