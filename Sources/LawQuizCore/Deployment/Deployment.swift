import Foundation

/// How this run of lawquiz is deployed, resolved once at start-up: installed
/// (set-group-id on a shared host, settings from the root-owned config) or a
/// developer's / single user's clone; who runs it and whether they administer;
/// the paths, cache and zone every command uses. Commands ask this value and
/// never the environment, so a hostile environment has one place to be
/// refused in.
public struct Deployment: Sendable {
    public var installed: Bool
    public var identity: ProcessIdentity
    /// Root or a member of the admin group when installed; everyone in a clone.
    public var isAdministrator: Bool
    public var config: DeploymentConfig?
    /// Banks and store paths for a command without `--banks` / `--results`.
    public var paths: ProjectPaths
    /// Parsed-bank cache folder, nil when disabled.
    public var cacheFolder: URL?
    /// Zone for exam times written without one (never `TZ` when installed).
    public var timeZone: TimeZone { examZone.timeZone }
    /// That zone and its key in the catalog cache; a clone's zone is made only when used.
    public var examZone: ExamZone
    /// The environment that remains (the `LAWQUIZ_*` overrides an administrator may use).
    public var environment: [String: String]
    /// A clone's working directory and executable `paths` were resolved
    /// from, so a command run from there without `--banks` / `--results`
    /// reuses them (see `paths(banks:results:workingDirectory:executablePath:)`).
    private var resolvedFrom: ResolutionPlace? = nil

    /// Where a clone's paths were resolved from.
    private struct ResolutionPlace: Equatable, Sendable {
        var workingDirectory: String
        var executablePath: String
    }

    /// Variables kept in installed mode; everything else (HOME, XDG_*, TZ,
    /// INPUTRC, TERMINFO, …) is dropped before anything reads it.
    public static let keptVariables: Set<String> = [
        "TERM", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "COLUMNS", "LINES", "NO_COLOR", "PATH",
        // The pager runs with the user's real group (see Pager), so the user's choice is harmless.
        "PAGER", "LAWQUIZ_PAGER",
    ]

    /// The environment an installed program keeps. `LAWQUIZ_*` survive only
    /// so `checkOverrides` can refuse them (or an administrator use them).
    public static func sanitized(_ environment: [String: String]) -> [String: String] {
        environment.filter { keptVariables.contains($0.key) || $0.key.hasPrefix("LAWQUIZ_") }
    }

    /// Resolves the deployment. `config` is the installation's file when the
    /// program runs from an installed prefix; `systemTimeZone` is the zone of
    /// /etc/localtime, read only when installed (a clone uses the process's
    /// zone, made when used: loading a zone costs a start-up an ICU look-up).
    public static func resolve(
        identity: ProcessIdentity, config file: ConfigFileFacts?, environment: [String: String], workingDirectory: String,
        executablePath: String, systemTimeZone: @autoclosure () -> TimeZone
    ) throws -> Deployment {
        guard identity.setGroupID || file != nil else {
            let paths = ProjectPaths.resolve(
                banks: nil, results: nil, environment: environment, workingDirectory: workingDirectory, executablePath: executablePath)
            return Deployment(
                installed: false, identity: identity, isAdministrator: true, config: nil, paths: paths,
                cacheFolder: cacheFolder(environment: environment), examZone: .process(environment: environment),
                environment: environment,
                resolvedFrom: ResolutionPlace(workingDirectory: workingDirectory, executablePath: executablePath))
        }
        guard let file else { throw DeploymentError.missingConfig(path: "/etc/lawquiz/lawquiz.yaml") }
        try file.checkTrusted()
        let config = try DeploymentConfig.parse(file.text, file: file.path)
        let kept = sanitized(environment)
        var paths = ProjectPaths.resolve(
            banks: config.banks.path, results: config.store.path, environment: [:], workingDirectory: "/", executablePath: "")
        if let server = config.server {
            paths.setResults(server, relativeTo: URL(fileURLWithPath: "/"), auditKey: config.auditKey.path)
            paths.serverPasswordFile = config.passwordFile
        }
        return Deployment(
            installed: true, identity: identity, isAdministrator: identity.uid == 0 || identity.groups.contains(config.adminGroup),
            config: config, paths: paths, cacheFolder: config.cache, examZone: ExamZone(config.timeZone ?? systemTimeZone()),
            environment: kept)
    }

    /// A clone's cache: LAWQUIZ_CACHE, else $XDG_CACHE_HOME/lawquiz or
    /// ~/.cache/lawquiz; LAWQUIZ_CACHE=off disables it.
    static func cacheFolder(environment: [String: String]) -> URL? {
        if let explicit = environment["LAWQUIZ_CACHE"], !explicit.isEmpty {
            return explicit == "off" ? nil : URL(fileURLWithPath: explicit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("lawquiz")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/lawquiz")
    }

    /// The administrators' group named in refusals.
    public var adminGroup: String { config?.adminGroup ?? "lawquiz-admin" }

    /// Review policy of formal exams that set none.
    public var formalReview: ReviewPolicy { config?.review ?? .afterClose }

    /// Refuses `--banks` / `--results` / `LAWQUIZ_*` from a non-administrator
    /// of an installed program.
    public func checkOverrides(banks: String?, results: String?) throws {
        guard installed, !isAdministrator else { return }
        var names: [String] = []
        if banks != nil { names.append("--banks") }
        if results != nil { names.append("--results") }
        names += environment.keys.filter { $0.hasPrefix("LAWQUIZ_") && !Deployment.keptVariables.contains($0) }.sorted()
        if !names.isEmpty { throw DeploymentError.overridesRefused(names: names, adminGroup: adminGroup) }
    }

    /// The paths of one command: the deployment's, with an administrator's
    /// (or a clone user's) `--banks` / `--results` / `LAWQUIZ_*` applied.
    public func paths(banks: String?, results: String?, workingDirectory: String, executablePath: String) -> ProjectPaths {
        guard installed else {
            // The same inputs as at start give the same paths: resolving them
            // again (URL standardising) cost every start twice more (README, "Launch").
            if banks == nil, results == nil,
                resolvedFrom == ResolutionPlace(workingDirectory: workingDirectory, executablePath: executablePath)
            {
                return paths
            }
            return ProjectPaths.resolve(
                banks: banks, results: results, environment: environment, workingDirectory: workingDirectory,
                executablePath: executablePath)
        }
        guard isAdministrator else { return paths }
        var resolved = paths
        let base = URL(fileURLWithPath: workingDirectory)
        if let banks = banks ?? environment["LAWQUIZ_BANKS"].flatMap({ $0.isEmpty ? nil : $0 }) {
            resolved.questionBanks = URL(fileURLWithPath: banks, relativeTo: base).standardizedFileURL
        }
        if let results = results ?? environment["LAWQUIZ_RESULTS"].flatMap({ $0.isEmpty ? nil : $0 }) {
            resolved.setResults(results, relativeTo: base, auditKey: environment["LAWQUIZ_AUDIT_KEY"])
        }
        return resolved
    }

    /// One call at the top of every administrator's command (stats, export,
    /// roster …): refuses anyone else of an installed program.
    public func requireAdministrator(_ command: String) throws {
        guard installed, !isAdministrator else { return }
        throw DeploymentError.notPermitted(command: command, adminGroup: adminGroup)
    }
}
