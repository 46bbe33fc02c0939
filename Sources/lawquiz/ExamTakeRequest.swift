import ArgumentParser
import LawQuizCore
import LawQuizStore
import LawQuizTerminal

/// What `exam take` was asked, as plain values, and the sitting itself: the
/// parser's `ExamTake` and `ExamTakeArguments` (the plain forms, read without
/// the parser or its property wrappers) both run it.
struct ExamTakeRequest {
    var exam: String
    var staff: String?
    var takeOver = false
    var wait = false
    var paths = PathChoice()

    func run() throws {
        let session = try SessionEnvironment(paths: paths, busyTimeout: ResultsStore.sessionBusyTimeout, startWait: 30)
        let definition = try session.exams().definition(exam)
        let deployment = Deployment.current
        let choice = try deployment.staffChoice(requested: staff, command: "exam take", store: session.store)
        LaunchTrace.mark("exam")
        var flow = ExamTakeFlow(
            exam: definition, service: session.service, reader: session.reader, output: session.output,
            clock: session.clock, style: session.style)
        flow.hintStaffOption = !deployment.installed
        let outcome: ExamSessionOutcome
        switch choice {
        case .fixed(let staffID, let proctor):
            outcome = try flow.run(staffID: staffID, proctor: proctor, takeOver: takeOver, wait: wait)
        case .asked, .askedWithPIN:
            outcome = try flow.run(
                staffID: nil, pin: deployment.pinPrompt(choice: choice, store: session.store, reader: session.reader),
                takeOver: takeOver, wait: wait)
        }
        if case .left = outcome { throw ExitCode(ExitStatus.leftInProgress.rawValue) }
    }
}
