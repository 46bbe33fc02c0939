import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The zone exam times written without one are read in, with the key that
/// names it in the catalog cache (the exams are cached parsed). An
/// installation's zone is its configured one; a clone's is the process's
/// (`TimeZone.current`), made only when exam files are parsed: its key names
/// what decides that zone — `TZ` and the /etc/localtime link — so a warm
/// start loads no ICU zone (about 0.2 ms, README "Launch").
public struct ExamZone: Sendable {
    /// Part of the catalog cache's key: equal keys, equal zones.
    public let key: String
    private let fixed: TimeZone?

    public var timeZone: TimeZone { fixed ?? .current }

    public init(_ zone: TimeZone) {
        fixed = zone
        key = zone.identifier
    }

    private init(processKey: String) {
        fixed = nil
        key = processKey
    }

    /// The process's zone; `environment` is the process's. A copied (not
    /// linked) /etc/localtime is named by the zone itself.
    public static func process(environment: [String: String]) -> ExamZone {
        let link: String
        if let target = LocalZoneFile.localtimeLink() {
            link = String(decoding: target, as: UTF8.self)
        } else if access("/etc/localtime", F_OK) == 0 {
            return ExamZone(TimeZone.current)
        } else {
            link = ""
        }
        return ExamZone(processKey: "TZ=" + (environment["TZ"].map { "\"\($0)\"" } ?? "unset") + ",localtime=" + link)
    }
}
