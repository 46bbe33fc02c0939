import ArgumentParser

/// `stats <考试> [--by 分组] [--format 格式] [--width N] [--no-pager] [--makeup-rule 方式]`
/// and `absent` with the same options but `--by`, read without
/// swift-argument-parser as `ExamTakeArguments` reads `exam take`: the
/// parser's reflection of the command tree (the Swift runtime's first
/// protocol-conformance look-ups) was about 3 ms of the 28 ms CPU `absent`
/// took at 15,000 attempts (README, "Benchmarks"). Only the plain forms of
/// `PlainArguments` are read here, values by the parser's own
/// `init(argument:)`; anything else (`--output`, `--by=…`, an unknown value,
/// a value the command's checks refuse) returns nil and goes through the
/// parser, which gives the same command or its usual message. Not even the
/// parser's `StatsCommand` or `AbsentCommand` is made: their property
/// wrappers cost conformance scans at their first creation (1.7% of an
/// `absent`'s CPU time at 15,000 attempts); the plain values go to the
/// commands' static `run` as a `ReportRequest`.
enum ReportArguments {
    /// The command for `arguments` (without the program name), nil when the parser must read them.
    static func command(_ arguments: [String]) throws -> (() throws -> Void)? {
        switch arguments.first {
        case "stats"?: return try stats(arguments.dropFirst())
        case "absent"?: return try absent(arguments.dropFirst())
        default: return nil
        }
    }

    private static let shared: Set<String> = ["--format", "--width", "--makeup-rule"]

    private static func stats(_ arguments: ArraySlice<String>) throws -> (() throws -> Void)? {
        guard let plain = PlainArguments(arguments, options: shared.union(["--by"]), flags: ["--no-pager"]),
              let by = plain.value("--by", StatsCommand.Grouping.init(argument:)),
              let format = plain.value("--format", StatsCommand.Format.init(argument:)),
              let request = try request(plain)
        else { return nil }
        return { try StatsCommand.run(by: by, format: format ?? .table, request) }
    }

    private static func absent(_ arguments: ArraySlice<String>) throws -> (() throws -> Void)? {
        guard let plain = PlainArguments(arguments, options: shared, flags: ["--no-pager"]),
              let format = plain.value("--format", AbsentCommand.Format.init(argument:)),
              let request = try request(plain)
        else { return nil }
        return { try AbsentCommand.run(format: format ?? .table, request) }
    }

    /// The options both commands have (no `--output`: the plain forms print).
    /// Nil when the parser must read the arguments; throws as `PathOptions.validate` does.
    private static func request(_ plain: PlainArguments) throws -> ReportRequest? {
        guard plain.positional.count == 1, let width = plain.value("--width", Int.init(argument:)),
              let rule = plain.value("--makeup-rule", MakeupRuleOption.init(argument:))
        else { return nil }
        // A width `DisplayOptions.validate` refuses: the parser's message.
        if let width, !DisplayChoice.widths.contains(width) { return nil }
        var request = ReportRequest(exam: plain.positional[0])
        request.makeupRule = (rule ?? .higher).rule
        request.display = DisplayChoice(width: width, noPager: plain.flags.contains("--no-pager"))
        try request.paths.checkOverrides()
        return request
    }
}
