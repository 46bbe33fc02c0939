#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether the C library's local time (`localtime_r`) is the zone
/// `TimeZone.current` names: `TZ` a zone name whose file is installed, or
/// `TZ` unset and /etc/localtime a link into a zoneinfo folder. Otherwise
/// (an empty `TZ`, a POSIX rule such as `CST-8`, a zone without its file,
/// `TZDIR`, a copied /etc/localtime) the two may differ, and callers use
/// `TimeZone` (ICU) as before. A `readlink` or `access`, no zone loaded;
/// bytes compared, not Foundation's string search.
enum LocalZoneFile {
    static var isReadable: Bool {
        guard getenv("TZDIR") == nil else { return false }
        guard let value = getenv("TZ") else {
            guard let link = localtimeLink() else { return false }
            return contains(link[...], Array("zoneinfo/".utf8)) && access("/etc/localtime", R_OK) == 0
        }
        var name = Array(String(cString: value).utf8)
        if name.first == UInt8(ascii: ":") { name.removeFirst() }
        guard let first = name.first, first != UInt8(ascii: "/"), !contains(name[...], Array("..".utf8)) else { return false }
        return access("/usr/share/zoneinfo/" + String(decoding: name, as: UTF8.self), R_OK) == 0
    }

    /// Where /etc/localtime links to; nil when it is no link (missing, or a copied file).
    static func localtimeLink() -> [UInt8]? {
        var target = [CChar](repeating: 0, count: 4096)
        let count = readlink("/etc/localtime", &target, target.count - 1)
        guard count > 0 else { return nil }
        return target.prefix(count).map { UInt8(bitPattern: $0) }
    }

    private static func contains(_ bytes: ArraySlice<UInt8>, _ part: [UInt8]) -> Bool {
        guard bytes.count >= part.count else { return false }
        return (bytes.startIndex...(bytes.endIndex - part.count)).contains { start in
            bytes[start..<start + part.count].elementsEqual(part)
        }
    }
}
