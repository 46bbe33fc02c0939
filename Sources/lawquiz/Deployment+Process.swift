import CProcess
import Foundation
import LawQuizCore

#if canImport(Glibc)
    import Glibc
#endif

extension Deployment {
    /// This process's deployment, resolved on first use — `LawQuiz.main`
    /// touches it before anything else runs, so the environment is
    /// sanitised and the process hardened before any other code reads them.
    static let resolution: Result<Deployment, DeploymentError> = ProcessFacts.resolve()

    /// The resolved deployment. `LawQuiz.main` has already exited with the
    /// error when resolution failed, so the failure branch is never taken.
    static var current: Deployment {
        switch resolution {
        case .success(let deployment): return deployment
        case .failure: Foundation.exit(ExitStatus.badInput.rawValue)
        }
    }
}

/// Reads who runs the program and which configuration applies, from the
/// kernel and root-owned files only, then hardens an installed process.
enum ProcessFacts {
    static func resolve() -> Result<Deployment, DeploymentError> {
        let identity = self.identity()
        let executable = ExecutablePath.running() ?? ""
        let config = configFile(executable: executable, setGroupID: identity.setGroupID)
        let installed = identity.setGroupID || config != nil
        if installed { harden() }
        let environment = ProcessInfo.processInfo.environment
        do {
            let deployment = try Deployment.resolve(
                identity: identity, config: try config?.get(), environment: environment,
                workingDirectory: FileManager.default.currentDirectoryPath,
                executablePath: CommandLine.arguments.first.map(ExecutablePath.absolute) ?? "",
                systemTimeZone: systemTimeZone())
            if installed {
                sanitizeEnvironment(keeping: deployment.environment)
                // Times shown in listings follow the same zone as the windows.
                setenv("TZ", deployment.timeZone.identifier, 1)
            }
            return .success(deployment)
        } catch let error as DeploymentError {
            return .failure(error)
        } catch {
            return .failure(.invalidConfig(file: "lawquiz.yaml", line: 1, message: "\(error)"))
        }
    }

    static func identity() -> ProcessIdentity {
        let uid = getuid()
        var login = String(uid)
        var record = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        if getpwuid_r(uid, &record, &buffer, buffer.count, &found) == 0, found != nil, let name = record.pw_name {
            login = String(cString: name)
        }
        let count = max(0, Int(getgroups(0, nil)))
        var ids = [gid_t](repeating: 0, count: count)
        let filled = count > 0 ? Int(getgroups(Int32(count), &ids)) : 0
        let groups = Set((Array(ids.prefix(max(0, filled))) + [getgid()]).compactMap(groupName))
        return ProcessIdentity(uid: uid, login: login, groups: groups, setGroupID: getegid() != getgid())
    }

    private static func groupName(_ id: gid_t) -> String? {
        var record = group()
        var found: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrgid_r(id, &record, &buffer, buffer.count, &found) == 0, found != nil, let name = record.gr_name else { return nil }
        return String(cString: name)
    }

    /// The installation's configuration: `<prefix>/share/lawquiz/lawquiz.yaml`
    /// beside the running binary (a root-owned link `make install` makes to
    /// `$SYSCONFDIR/lawquiz/lawquiz.yaml`), else, for a set-group-id binary,
    /// /etc/lawquiz/lawquiz.yaml. nil for a clone's build: not installed.
    /// `executable` is what /proc/self/exe names (absolute, no `.` or `..`), so
    /// the prefix is its text up to the second-last slash (string work, not
    /// URL's: this runs at every start).
    static func configFile(executable: String, setGroupID: Bool) -> Result<ConfigFileFacts, DeploymentError>? {
        let folder = executable[..<(executable.lastIndex(of: "/") ?? executable.startIndex)]
        let prefix = folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]
        let link = String(prefix) + "/share/lawquiz/lawquiz.yaml"
        var linkStatus = stat()
        if !executable.isEmpty, lstat(link, &linkStatus) == 0 {
            guard linkStatus.st_uid == 0 else { return .failure(.insecureConfig(path: link, reason: "链接不属于 root")) }
            return read(link)
        }
        return setGroupID ? read("/etc/lawquiz/lawquiz.yaml") : nil
    }

    private static func read(_ path: String) -> Result<ConfigFileFacts, DeploymentError> {
        guard let resolved = realpath(path, nil) else { return .failure(.missingConfig(path: path)) }
        let real = String(cString: resolved)
        free(resolved)
        var file = stat()
        var folder = stat()
        guard stat(real, &file) == 0, stat((real as NSString).deletingLastPathComponent, &folder) == 0,
            let data = FileManager.default.contents(atPath: real), let text = String(data: data, encoding: .utf8)
        else { return .failure(.missingConfig(path: real)) }
        return .success(
            ConfigFileFacts(
                path: real, text: text, ownerUID: file.st_uid, mode: UInt32(file.st_mode), folderOwnerUID: folder.st_uid,
                folderMode: UInt32(folder.st_mode)))
    }

    /// The zone of /etc/localtime (a link into zoneinfo on Debian), never `TZ`.
    static func systemTimeZone() -> TimeZone {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/etc/localtime"),
            let range = target.range(of: "zoneinfo/"), let zone = TimeZone(identifier: String(target[range.upperBound...]))
        {
            return zone
        }
        return TimeZone(identifier: "UTC") ?? .current
    }

    /// What a careful set-group-id program does first: files it creates are
    /// group-only (umask 007), and no core dump or ptrace can copy keys,
    /// answers or PIN hashes out of its memory.
    static func harden() {
        umask(0o007)
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
        _ = lawquiz_disable_dumping()
    }

    /// Drops every variable but the kept ones (see `Deployment.keptVariables`)
    /// and points readline at the system's inputrc, so no file of the user's
    /// choosing is opened with the program's group.
    static func sanitizeEnvironment(keeping kept: [String: String]) {
        for name in ProcessInfo.processInfo.environment.keys where kept[name] == nil {
            unsetenv(name)
        }
        if let term = kept["TERM"], term.contains("/") || term.contains("..") { unsetenv("TERM") }
        setenv("INPUTRC", FileManager.default.fileExists(atPath: "/etc/inputrc") ? "/etc/inputrc" : "/dev/null", 1)
    }
}
