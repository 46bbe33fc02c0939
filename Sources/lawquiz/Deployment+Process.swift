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
    static let resolution: DeploymentResolution = ProcessFacts.resolve()

    /// The resolved deployment. `LawQuiz.main` has already exited with the
    /// error when resolution failed, so the failure branch is never taken.
    static var current: Deployment {
        switch resolution {
        case .success(let deployment): return deployment
        case .failure: Foundation.exit(ExitStatus.badInput.rawValue)
        }
    }
}

/// The deployment or why there is none. Not a `Result`: a generic type
/// whose error parameter must conform to `Error` makes the runtime check
/// that conformance when it first needs the type — a scan of all the
/// program's conformance records, at every start (README, "Launch").
enum DeploymentResolution: Sendable {
    case success(Deployment)
    case failure(DeploymentError)
}

/// Reads who runs the program and which configuration applies, from the
/// kernel and root-owned files only, then hardens an installed process.
enum ProcessFacts {
    static func resolve() -> DeploymentResolution {
        var identity = self.identity()
        let executable = ExecutablePath.running() ?? ""
        // Found, absent, or refused: a refused file still makes the program installed (hardened, then failing).
        var config: ConfigFileFacts?
        var refused: DeploymentError?
        do throws(DeploymentError) {
            config = try configFile(executable: executable, setGroupID: identity.setGroupID)
        } catch {
            refused = error
        }
        let installed = identity.setGroupID || config != nil || refused != nil
        if installed {
            harden()
            // Only an installed program asks about groups (who administers it):
            // each is a look-up through NSS, skipped at a clone's start.
            identity.groups = groupNames()
        }
        if let refused { return .failure(refused) }
        let environment = environmentVariables()
        do {
            let deployment = try Deployment.resolve(
                identity: identity, config: config, environment: environment,
                workingDirectory: workingDirectory(),
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

    /// The process's environment, read from `environ` directly: Foundation's
    /// `ProcessInfo.environment` copies it under a lock through its own
    /// bridging, measurable in a start-up that needs it once (README, "Launch").
    /// A variable without `=` is skipped; of a repeated name the first counts, as for `getenv`.
    static func environmentVariables() -> [String: String] {
        #if canImport(Glibc)
            var variables: [String: String] = [:]
            guard var entry = lawquiz_environment() else { return variables }
            while let pointer = entry.pointee {
                let text = String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
                if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                    let name = String(text[..<equals])
                    if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
                }
                entry += 1
            }
            return variables
        #else
            return ProcessInfo.processInfo.environment
        #endif
    }

    /// The working directory from `getcwd` (FileManager's answer when it
    /// cannot be named, as when it was removed), without FileManager's set-up.
    static func workingDirectory() -> String {
        guard let path = getcwd(nil, 0) else { return FileManager.default.currentDirectoryPath }
        defer { free(path) }
        return String(cString: path)
    }

    /// The real user and whether the program runs set-group-id; `groups` empty (see `groupNames`).
    static func identity() -> ProcessIdentity {
        let uid = getuid()
        var login = String(uid)
        var record = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        if getpwuid_r(uid, &record, &buffer, buffer.count, &found) == 0, found != nil, let name = record.pw_name {
            login = String(cString: name)
        }
        return ProcessIdentity(uid: uid, login: login, groups: [], setGroupID: getegid() != getgid())
    }

    /// Names of the real user's groups, primary and supplementary.
    static func groupNames() -> Set<String> {
        let count = max(0, Int(getgroups(0, nil)))
        var ids = [gid_t](repeating: 0, count: count)
        let filled = count > 0 ? Int(getgroups(Int32(count), &ids)) : 0
        return Set((Array(ids.prefix(max(0, filled))) + [getgid()]).compactMap(groupName))
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
    /// URL's: this runs at every start). Typed throws, not a `Result`: copying
    /// an optional `Result` made the runtime check its error type's
    /// conformance, a scan of the whole program at every start.
    static func configFile(executable: String, setGroupID: Bool) throws(DeploymentError) -> ConfigFileFacts? {
        let folder = executable[..<(executable.lastIndex(of: "/") ?? executable.startIndex)]
        let prefix = folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]
        let link = String(prefix) + "/share/lawquiz/lawquiz.yaml"
        var linkStatus = stat()
        if !executable.isEmpty, lstat(link, &linkStatus) == 0 {
            guard linkStatus.st_uid == 0 else { throw .insecureConfig(path: link, reason: "链接不属于 root") }
            return try read(link)
        }
        guard setGroupID else { return nil }
        return try read("/etc/lawquiz/lawquiz.yaml")
    }

    private static func read(_ path: String) throws(DeploymentError) -> ConfigFileFacts {
        guard let resolved = realpath(path, nil) else { throw .missingConfig(path: path) }
        let real = String(cString: resolved)
        free(resolved)
        var file = stat()
        var folder = stat()
        guard stat(real, &file) == 0, stat((real as NSString).deletingLastPathComponent, &folder) == 0,
            let data = FileManager.default.contents(atPath: real), let text = String(data: data, encoding: .utf8)
        else { throw .missingConfig(path: real) }
        return ConfigFileFacts(
            path: real, text: text, ownerUID: file.st_uid, mode: UInt32(file.st_mode), folderOwnerUID: folder.st_uid,
            folderMode: UInt32(folder.st_mode))
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
        for name in environmentVariables().keys where kept[name] == nil {
            unsetenv(name)
        }
        if let term = kept["TERM"], term.contains("/") || term.contains("..") { unsetenv("TERM") }
        setenv("INPUTRC", FileManager.default.fileExists(atPath: "/etc/inputrc") ? "/etc/inputrc" : "/dev/null", 1)
    }
}
