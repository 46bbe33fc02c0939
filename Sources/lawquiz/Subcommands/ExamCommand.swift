import ArgumentParser

/// `lawquiz exam …`: the exams defined in QuestionBanks/exams/.
struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "考试：列出考试、检查题库能否组卷、参加考试、打印纸质试卷、录入答题卡。",
        subcommands: [ExamList.self, ExamCheck.self, ExamTake.self, ExamPrint.self, ExamEnter.self],
    )
}
