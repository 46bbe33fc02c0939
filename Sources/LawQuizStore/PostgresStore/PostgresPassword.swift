import Foundation

/// Where the password for a PostgreSQL store comes from, in libpq's order:
/// one given by the program (the installed mode reads it from its
/// root-owned config), then `PGPASSWORD`, then the password file
/// (`PGPASSFILE` or `~/.pgpass`). Never from the URL (see `PostgresLocation`).
public enum PostgresPassword {
    /// The password to log in to `location` with, or nil to try without one.
    public static func resolve(
        for location: PostgresLocation, given: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        if let given { return given }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        guard let path = passFilePath(environment: environment), let text = readPrivateFile(path) else { return nil }
        return PostgresPassFile(text: text).password(for: location)
    }

    /// `PGPASSFILE`, else `$HOME/.pgpass`.
    static func passFilePath(environment: [String: String]) -> String? {
        if let path = environment["PGPASSFILE"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".pgpass")
    }

    /// The file's text when it is a regular file that only its owner can
    /// read (0600 or stricter): libpq ignores a password file others can
    /// read, and so do we.
    static func readPrivateFile(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & 0o170000 == 0o100000, status.st_mode & 0o077 == 0,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The lines of a `.pgpass` file: `hostname:port:database:username:password`,
/// each of the first four a value or `*`, `\:` and `\\` escaping inside a
/// field, `#` starting a comment line; the first matching line wins.
public struct PostgresPassFile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var host: String
        public var port: String
        public var database: String
        public var user: String
        public var password: String
    }

    public let entries: [Entry]

    public init(text: String) {
        entries = text.split(whereSeparator: \.isNewline).compactMap { line in
            if line.hasPrefix("#") { return nil }
            let fields = Self.fields(line)
            guard fields.count >= 5 else { return nil }
            // A ':' in a password that was not escaped: the rest is the password.
            return Entry(host: fields[0], port: fields[1], database: fields[2], user: fields[3],
                password: fields[4...].joined(separator: ":"))
        }
    }

    /// The password of the first line that matches the location.
    public func password(for location: PostgresLocation) -> String? {
        // libpq matches a Unix socket connection against `localhost`.
        let hosts = location.isUnixSocket ? [location.host, "localhost"] : [location.host]
        func matches(_ field: String, _ values: [String]) -> Bool { field == "*" || values.contains(field) }
        return entries.first { entry in
            matches(entry.host, hosts) && matches(entry.port, [String(location.port)])
                && matches(entry.database, [location.database]) && matches(entry.user, [location.user])
        }?.password
    }

    /// Splits at unescaped `:`, removing the `\` of `\:` and `\\`.
    private static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        fields.append(current)
        return fields
    }
}
