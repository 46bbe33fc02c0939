import Foundation
import LawQuizCore
import XCTest

/// Resolving the deployment from process facts and the root-owned config.
final class DeploymentTests: XCTestCase {
    let config = """
        banks: /opt/lq/share/lawquiz
        store: /var/lib/lawquiz/lawquiz.sqlite
        admin_group: exam-admins
        time_zone: Asia/Shanghai
        review: never
        shared_logins: [kiosk1]
        """
    let utc = TimeZone(identifier: "UTC")!

    func staff(setGroupID: Bool = true, groups: Set<String> = ["alice"], uid: UInt32 = 1000) -> ProcessIdentity {
        ProcessIdentity(uid: uid, login: "alice", groups: groups, setGroupID: setGroupID)
    }

    func file(_ text: String? = nil, owner: UInt32 = 0, mode: UInt32 = 0o100644, folderMode: UInt32 = 0o40755) -> ConfigFileFacts {
        ConfigFileFacts(path: "/etc/lawquiz/lawquiz.yaml", text: text ?? config, ownerUID: owner, mode: mode, folderOwnerUID: 0, folderMode: folderMode)
    }

    func resolve(_ identity: ProcessIdentity, _ file: ConfigFileFacts?, environment: [String: String] = [:]) throws -> Deployment {
        try Deployment.resolve(
            identity: identity, config: file, environment: environment, workingDirectory: "/home/alice", executablePath: "/x/lawquiz",
            systemTimeZone: utc)
    }

    func testAClonesBuildIsNotInstalledAndEveryoneAdministers() throws {
        let deployment = try resolve(staff(setGroupID: false), nil, environment: ["LAWQUIZ_RESULTS": "/tmp/r.sqlite", "HOME": "/home/alice"])
        XCTAssertFalse(deployment.installed)
        XCTAssertTrue(deployment.isAdministrator)
        XCTAssertNoThrow(try deployment.requireAdministrator("stats"))
        XCTAssertNoThrow(try deployment.checkOverrides(banks: "/b", results: "/r"))
        XCTAssertEqual(deployment.paths.resultsDatabase.path, "/tmp/r.sqlite")
        XCTAssertEqual(deployment.cacheFolder?.path, "/home/alice/.cache/lawquiz")
    }

    func testAClonesCommandPathsAreTheStartsUnlessSomethingDiffers() throws {
        let environment = ["LAWQUIZ_BANKS": "/b/./QuestionBanks", "LAWQUIZ_RESULTS": "r.sqlite"]
        let deployment = try resolve(staff(setGroupID: false), nil, environment: environment)
        let fresh = { (banks: String?, results: String?, workingDirectory: String) in
            ProjectPaths.resolve(
                banks: banks, results: results, environment: environment, workingDirectory: workingDirectory, executablePath: "/x/lawquiz")
        }
        let same = deployment.paths(banks: nil, results: nil, workingDirectory: "/home/alice", executablePath: "/x/lawquiz")
        XCTAssertEqual(same.questionBanks, fresh(nil, nil, "/home/alice").questionBanks)
        XCTAssertEqual(same.resultsDatabase, fresh(nil, nil, "/home/alice").resultsDatabase)
        XCTAssertEqual(same.questionBanks.path, "/b/QuestionBanks")
        let elsewhere = deployment.paths(banks: nil, results: nil, workingDirectory: "/tmp", executablePath: "/x/lawquiz")
        XCTAssertEqual(elsewhere.resultsDatabase.path, "/tmp/r.sqlite")
        XCTAssertNotEqual(elsewhere.resultsDatabase, same.resultsDatabase)
        let given = deployment.paths(banks: "../B", results: "s.sqlite", workingDirectory: "/home/alice", executablePath: "/x/lawquiz")
        XCTAssertEqual(given.questionBanks, fresh("../B", "s.sqlite", "/home/alice").questionBanks)
        XCTAssertEqual(given.resultsDatabase, fresh("../B", "s.sqlite", "/home/alice").resultsDatabase)
        XCTAssertNotEqual(given.resultsDatabase, same.resultsDatabase)
    }

    func testAClonesZoneIsTheProcesssKeyedByTZAndTheLocaltimeLink() throws {
        let unset = ExamZone.process(environment: [:])
        let shanghai = ExamZone.process(environment: ["TZ": "Asia/Shanghai"])
        XCTAssertEqual(unset.key, ExamZone.process(environment: [:]).key)
        XCTAssertNotEqual(unset.key, shanghai.key)
        XCTAssertNotEqual(shanghai.key, ExamZone.process(environment: ["TZ": "Asia/Tokyo"]).key)
        XCTAssertNotEqual(unset.key, ExamZone.process(environment: ["TZ": ""]).key)
        XCTAssertEqual(unset.timeZone, TimeZone.current)
        let clone = try resolve(staff(setGroupID: false), nil, environment: ["TZ": "Asia/Shanghai"])
        XCTAssertEqual(clone.examZone.key, shanghai.key)
        XCTAssertEqual(clone.timeZone, TimeZone.current)
        XCTAssertEqual(ExamZone(utc).key, utc.identifier)
    }

    func testInstalledPathsZoneAndPolicyComeFromTheConfigOnly() throws {
        let deployment = try resolve(
            staff(), file(), environment: ["HOME": "/home/alice", "XDG_CACHE_HOME": "/tmp/x", "TZ": "Etc/GMT+12", "INPUTRC": "/x", "TERM": "xterm"])
        XCTAssertTrue(deployment.installed)
        XCTAssertFalse(deployment.isAdministrator)
        XCTAssertEqual(deployment.paths.questionBanks.path, "/opt/lq/share/lawquiz")
        XCTAssertEqual(deployment.paths.resultsDatabase.path, "/var/lib/lawquiz/lawquiz.sqlite")
        XCTAssertEqual(deployment.cacheFolder?.path, "/var/lib/lawquiz/cache")
        XCTAssertEqual(deployment.timeZone.identifier, "Asia/Shanghai")
        XCTAssertEqual(deployment.formalReview, .never)
        XCTAssertEqual(deployment.config?.sharedLogins, ["kiosk1"])
        XCTAssertEqual(Set(deployment.environment.keys), ["TERM"])
        // Without time_zone: the system's zone, whatever TZ says.
        let noZone = try resolve(staff(), file(config.replacingOccurrences(of: "time_zone: Asia/Shanghai\n", with: "")), environment: ["TZ": "Etc/GMT+12"])
        XCTAssertEqual(noZone.timeZone, utc)
    }

    func testStaffCannotOverridePathsOrRunAdministratorsCommands() throws {
        let deployment = try resolve(staff(), file(), environment: ["LAWQUIZ_RESULTS": "/tmp/mine.sqlite"])
        XCTAssertThrowsError(try deployment.checkOverrides(banks: nil, results: nil)) { error in
            XCTAssertEqual(error as? DeploymentError, .overridesRefused(names: ["LAWQUIZ_RESULTS"], adminGroup: "exam-admins"))
        }
        let clean = try resolve(staff(), file())
        XCTAssertNoThrow(try clean.checkOverrides(banks: nil, results: nil))
        // The pager is the user's choice (it runs with the real group), not a path override.
        let pager = try resolve(staff(), file(), environment: ["LAWQUIZ_PAGER": "less", "PAGER": "more", "HOME": "/home/alice"])
        XCTAssertNoThrow(try pager.checkOverrides(banks: nil, results: nil))
        XCTAssertEqual(pager.environment, ["LAWQUIZ_PAGER": "less", "PAGER": "more"])
        XCTAssertThrowsError(try clean.checkOverrides(banks: "/tmp/b", results: "/tmp/r")) { error in
            XCTAssertEqual(error as? DeploymentError, .overridesRefused(names: ["--banks", "--results"], adminGroup: "exam-admins"))
            XCTAssertTrue((error as? DeploymentError)?.isPermissionRefusal == true)
        }
        XCTAssertThrowsError(try clean.requireAdministrator("stats")) { error in
            XCTAssertTrue(error.localizedDescription.contains("exam-admins"), error.localizedDescription)
        }
    }

    func testAdministratorsAreRootAndTheConfiguredGroup() throws {
        let member = try resolve(staff(groups: ["alice", "exam-admins"]), file(), environment: ["LAWQUIZ_RESULTS": "/tmp/other.sqlite"])
        XCTAssertTrue(member.isAdministrator)
        XCTAssertNoThrow(try member.checkOverrides(banks: "/tmp/b", results: nil))
        XCTAssertEqual(member.paths(banks: nil, results: nil, workingDirectory: "/", executablePath: "").resultsDatabase.path, "/tmp/other.sqlite")
        XCTAssertTrue(try resolve(staff(groups: [], uid: 0), file()).isAdministrator)
        XCTAssertFalse(try resolve(staff(groups: ["lawquiz-admin"]), file()).isAdministrator, "only the configured group")
    }

    func testAnUntrustedOrMissingConfigIsRefused() throws {
        XCTAssertThrowsError(try resolve(staff(), nil)) { XCTAssertEqual($0 as? DeploymentError, .missingConfig(path: "/etc/lawquiz/lawquiz.yaml")) }
        for bad in [file(owner: 1000), file(mode: 0o100664), file(mode: 0o100646), file(folderMode: 0o41777)] {
            XCTAssertThrowsError(try resolve(staff(), bad)) { error in
                guard case .insecureConfig = error as? DeploymentError else { return XCTFail("\(error)") }
            }
        }
    }

    func testConfigProblemsNameTheLine() {
        for (text, line, fragment) in [
            ("banks: /b\nstore: relative.sqlite\n", 2, "绝对路径"), ("banks: /b\nstore: /s\nreview: later\n", 3, "review"),
            ("banks: /b\nstore: /s\ntime_zone: Mars/Base\n", 3, "时区"), ("banks: /b\nstore: /s\ncolour: red\n", 3, "未知设置"),
            ("store: /s\n", 1, "banks"),
        ] {
            XCTAssertThrowsError(try DeploymentConfig.parse(text, file: "lawquiz.yaml")) { error in
                guard case .invalidConfig(_, let reported, let message) = error as? DeploymentError else { return XCTFail("\(error)") }
                XCTAssertEqual(reported, line, text)
                XCTAssertTrue(message.contains(fragment), message)
            }
        }
    }

    func testAServerStoreComesFromTheConfigWithItsPasswordFileAndKey() throws {
        let server = config.replacingOccurrences(
            of: "store: /var/lib/lawquiz/lawquiz.sqlite",
            with: "store: postgres://lawquiz@db.example:5432/results?sslmode=require\ncache: /var/lib/lawquiz/cache\nstore_password_file: /etc/lawquiz/store.password")
        let deployment = try resolve(staff(), file(server))
        XCTAssertEqual(deployment.paths.resultsServer, "postgres://lawquiz@db.example:5432/results?sslmode=require")
        XCTAssertEqual(deployment.paths.serverPasswordFile?.path, "/etc/lawquiz/store.password")
        XCTAssertEqual(deployment.paths.serverAuditKey?.path, "/var/lib/lawquiz/audit.key")
        let keyed = try resolve(staff(), file(server + "\naudit_key: /etc/lawquiz/audit.key\n"))
        XCTAssertEqual(keyed.paths.serverAuditKey?.path, "/etc/lawquiz/audit.key")
        // An administrator's own server does not get the configured server's password.
        let administrator = try resolve(staff(groups: ["exam-admins"]), file(server))
        let configured = administrator.paths(
            banks: nil, results: "postgres://lawquiz@db.example:5432/results?sslmode=require", workingDirectory: "/w", executablePath: "")
        XCTAssertEqual(configured.serverPasswordFile?.path, "/etc/lawquiz/store.password")
        let elsewhere = administrator.paths(banks: nil, results: "postgres://me@elsewhere/db", workingDirectory: "/w", executablePath: "")
        XCTAssertNil(elsewhere.serverPasswordFile)
        XCTAssertNil(administrator.paths(banks: nil, results: "/w/r.sqlite", workingDirectory: "/w", executablePath: "").serverPasswordFile)
        XCTAssertThrowsError(try DeploymentConfig.parse("banks: /b\nstore: postgres://u:secret@h/db\n", file: "lawquiz.yaml")) { error in
            guard case .invalidConfig(_, let line, let message) = error as? DeploymentError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 2)
            XCTAssertTrue(message.contains("密码"), message)
        }
    }

    func testAResultsURLSelectsTheServerAndAFilePathTheFile() {
        var paths = ProjectPaths.resolve(
            banks: "/p/QuestionBanks", results: "postgresql://exam@10.0.0.5/lawquiz", environment: [:], workingDirectory: "/w",
            executablePath: "")
        XCTAssertEqual(paths.resultsServer, "postgresql://exam@10.0.0.5/lawquiz")
        XCTAssertEqual(paths.serverAuditKey?.path, "/p/Results/postgres-exam-10.0.0.5-lawquiz.key")
        XCTAssertEqual(paths.resultsDescription, "postgresql://exam@10.0.0.5/lawquiz")
        paths.setResults("r.sqlite", relativeTo: URL(fileURLWithPath: "/w", isDirectory: true))
        XCTAssertNil(paths.resultsServer)
        XCTAssertEqual(paths.resultsDatabase.path, "/w/r.sqlite")
        let fromEnvironment = ProjectPaths.resolve(
            banks: "/p/QuestionBanks", results: nil,
            environment: ["LAWQUIZ_RESULTS": "postgres://h/db", "LAWQUIZ_AUDIT_KEY": "/k/audit.key"], workingDirectory: "/w", executablePath: "")
        XCTAssertEqual(fromEnvironment.resultsServer, "postgres://h/db")
        XCTAssertEqual(fromEnvironment.serverAuditKey?.path, "/k/audit.key")
        // Naming the same server again (store copy --to it) keeps its key; another server gets its own.
        var copyTarget = fromEnvironment
        copyTarget.setResults("postgres://h/db", relativeTo: URL(fileURLWithPath: "/w", isDirectory: true))
        XCTAssertEqual(copyTarget.serverAuditKey?.path, "/k/audit.key")
        copyTarget.setResults("postgres://h/other", relativeTo: URL(fileURLWithPath: "/w", isDirectory: true))
        XCTAssertEqual(copyTarget.serverAuditKey?.path, "/p/Results/postgres-h-other.key")
    }
}
