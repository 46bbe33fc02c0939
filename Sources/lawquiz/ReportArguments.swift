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
/// parser, which gives the same command or its usual message.
enum ReportArguments {
    /// The command for `arguments` (without the program name), nil when the parser must read them.
    static func command(_ arguments: [String]) throws -> ParsableCommand? {
        switch arguments.first {
        case "stats"?: return try stats(arguments.dropFirst())
        case "absent"?: return try absent(arguments.dropFirst())
        default: return nil
        }
    }

    private static let shared: Set<String> = ["--format", "--width", "--makeup-rule"]

    private static func stats(_ arguments: ArraySlice<String>) throws -> StatsCommand? {
        guard let plain = PlainArguments(arguments, options: shared.union(["--by"]), flags: ["--no-pager"]),
              let by = plain.value("--by", StatsCommand.Grouping.init(argument:)),
              let format = plain.value("--format", StatsCommand.Format.init(argument:)),
              let groups = try Groups(plain)
        else { return nil }
        // Every property is set: a property wrapper read before it holds a value stops the program.
        var command = StatsCommand()
        command.by = by
        command.format = format ?? .table
        command.report = groups.report
        command.display = groups.display
        command.file = groups.file
        command.paths = groups.paths
        guard (try? command.validate()) != nil else { return nil }
        return command
    }

    private static func absent(_ arguments: ArraySlice<String>) throws -> AbsentCommand? {
        guard let plain = PlainArguments(arguments, options: shared, flags: ["--no-pager"]),
              let format = plain.value("--format", AbsentCommand.Format.init(argument:)),
              let groups = try Groups(plain)
        else { return nil }
        var command = AbsentCommand()
        command.format = format ?? .table
        command.report = groups.report
        command.display = groups.display
        command.file = groups.file
        command.paths = groups.paths
        return command
    }

    /// The option groups both commands have, every property set.
    private struct Groups {
        var report = ReportOptions(), display = DisplayOptions(), file = CSVOutputOptions(), paths = PathOptions()

        /// Nil when the parser must read the arguments; throws as `PathOptions.validate` does.
        init?(_ plain: PlainArguments) throws {
            guard plain.positional.count == 1, let width = plain.value("--width", Int.init(argument:)),
                  let rule = plain.value("--makeup-rule", MakeupRuleOption.init(argument:))
            else { return nil }
            report.exam = plain.positional[0]
            report.makeupRule = rule ?? .higher
            display.width = width
            display.noPager = plain.flags.contains("--no-pager")
            file.output = nil
            file.force = false
            guard (try? display.validate()) != nil else { return nil }
            paths.banksRoot = nil
            paths.results = nil
            try paths.validate()
        }
    }
}
