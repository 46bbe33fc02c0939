import Foundation
import LawQuizCore
import LawQuizStore

/// `exam take` from start to end, shared by the subcommand and the menu:
/// identify the person, start or resume the attempt (or submit an expired
/// one), show the rules, run the loop.
public struct ExamTakeFlow {
    let exam: ExamDefinition
    let service: AttemptService
    let library: LawLibrary
    let reader: LineReader
    let output: TextOutput
    let clock: WallClock
    let style: TerminalStyle

    public init(
        exam: ExamDefinition, service: AttemptService, reader: LineReader, output: TextOutput, clock: WallClock,
        style: TerminalStyle
    ) {
        self.exam = exam
        self.service = service
        library = service.catalog.library
        self.reader = reader
        self.output = output
        self.clock = clock
        self.style = style
    }

    /// Runs the sitting. The outcome tells the caller which exit status to use.
    public func run(staffID given: String?) throws -> ExamSessionOutcome {
        let staffID = try StaffIdentification(service: service, reader: reader, output: output, style: style)
            .identify(given: given)
        switch try service.begin(exam: exam, staffID: staffID) {
        case .expired(let result):
            output.wrappedLine("上次作答已超过截止时间（\(ExamTimeFormat.format(result.attempt.deadline))），已按保存的答案交卷。", style: style.warning)
            ExamResultPresenter(library: library, output: output, style: style).show(result)
            return .submitted(result)
        case .session(let session):
            if session.resumed {
                output.wrappedLine(BankText.clean(exam.title) + "（继续作答，截止 \(ExamTimeFormat.format(session.attempt.deadline))）", style: style.bold)
            } else {
                let attemptNumber = try service.history(staffID: staffID).filter { $0.examID == exam.id }.count
                output.write(
                    RulesScreen(exam: exam, library: library, deadline: session.attempt.deadline, attemptNumber: attemptNumber)
                        .render(width: output.width, style: style))
            }
            if session.definitionChanged {
                output.wrappedLine("（注：考试定义在开考后有改动，本次作答仍按开考时的试卷和分值。）", style: style.dim)
            }
            return try ExamSessionLoop(
                session: session, service: service, library: library, reader: reader, output: output, clock: clock,
                style: style
            ).run()
        }
    }
}
