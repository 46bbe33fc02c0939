/// Command-line arguments in their plain form only: positional values,
/// `--option value` pairs and `--flag`s, each option or flag at most once.
/// Any other form — `--option=value`, a short name, `--`, `-h`, an empty
/// argument or one starting with `-` where a value belongs, an unknown or
/// repeated option — gives nil, so the caller hands the arguments to
/// swift-argument-parser, which gives the same command or its usual message.
struct PlainArguments {
    private(set) var positional: [String] = []
    /// Option name (with its dashes) → value.
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []

    init?(_ arguments: ArraySlice<String>, options: Set<String>, flags known: Set<String>) {
        var rest = arguments.makeIterator()
        while let argument = rest.next() {
            if options.contains(argument) {
                guard values[argument] == nil, let value = rest.next(), Self.isValue(value) else { return nil }
                values[argument] = value
            } else if known.contains(argument) {
                guard flags.insert(argument).inserted else { return nil }
            } else {
                // `help` is left to the parser, which may read it as a request for help.
                guard Self.isValue(argument), argument != "help" else { return nil }
                positional.append(argument)
            }
        }
    }

    /// The value of `option` read as `T` (as the parser reads it); `.some(nil)`
    /// when absent, nil when present but not a `T`.
    func value<T>(_ option: String, _ read: (String) -> T?) -> T?? {
        guard let text = values[option] else { return .some(nil) }
        return read(text).map { .some($0) }
    }

    private static func isValue(_ argument: String) -> Bool {
        !argument.isEmpty && !argument.hasPrefix("-")
    }
}
