import ArgumentParser

/// `lawquiz exam …`: exams.
struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "考试：参加考试。",
        subcommands: [ExamTake.self],
    )
}
