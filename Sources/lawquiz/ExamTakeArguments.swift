import ArgumentParser

/// `exam take <考试> [--staff 工号] [--take-over] [--wait]`, the command every
/// examinee starts, read without swift-argument-parser: its reflection of the
/// command tree (the Swift runtime's first protocol-conformance look-ups, each a
/// scan of the program's conformance records) was about 3 ms of a 20 ms start
/// to the first question (README, "Launch"). Only the plain forms of
/// `PlainArguments` are read here; anything else (another option, `--staff=…`,
/// `-h`, `--`, an empty argument or one starting with `-` where a value
/// belongs, a repeated option) returns nil and goes through the parser, which
/// gives the same command or its usual message. The options are validated as the parser would. Not even
/// the parser's `ExamTake` is made: its property wrappers (and those of
/// `PathOptions`) cost three more conformance scans at their first creation.
enum ExamTakeArguments {
    /// What `arguments` (without the program name) ask, nil when the parser must read them.
    static func request(_ arguments: [String]) throws -> ExamTakeRequest? {
        guard arguments.count >= 3, arguments[0] == "exam", arguments[1] == "take",
              let plain = PlainArguments(arguments.dropFirst(2), options: ["--staff"], flags: ["--take-over", "--wait"]),
              plain.positional.count == 1
        else { return nil }
        let request = ExamTakeRequest(
            exam: plain.positional[0], staff: plain.values["--staff"], takeOver: plain.flags.contains("--take-over"),
            wait: plain.flags.contains("--wait"))
        try request.paths.checkOverrides()
        return request
    }
}
