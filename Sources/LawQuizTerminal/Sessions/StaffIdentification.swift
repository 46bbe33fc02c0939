import Foundation
import LawQuizCore
import LawQuizStore

/// Why a session could not begin or was abandoned before it started.
public enum SessionStartError: LocalizedError, Sendable, Equatable {
    /// Input ended before a 工号 was given.
    case noStaffID
    /// The person said the name shown is not theirs.
    case notConfirmed

    public var errorDescription: String? {
        switch self {
        case .noStaffID: return "未输入工号。请用 --staff 工号 指定，或在提示时输入工号。"
        case .notConfirmed: return "已取消。请核对工号后重新运行。"
        }
    }
}

/// Finds out who is sitting: the 工号 from `--staff` or asked for, checked
/// against the roster, name and department shown. A typed 工号 is confirmed
/// (a typo would put the result under someone else); `--staff` is taken as
/// deliberate. With no roster imported any 工号 is accepted with a notice.
/// At a shared console (`pin` set) a typed 工号 must be followed by its PIN.
public struct StaffIdentification {
    let service: AttemptService
    let reader: LineReader
    let output: TextOutput
    let style: TerminalStyle
    let pin: PINPrompt?

    public init(service: AttemptService, reader: LineReader, output: TextOutput, style: TerminalStyle, pin: PINPrompt? = nil) {
        self.service = service
        self.reader = reader
        self.output = output
        self.style = style
        self.pin = pin
    }

    /// The 工号 to use. Throws roster errors (unknown or inactive 工号),
    /// `StaffIDError` for control or invisible characters (before anything is
    /// stored) and `SessionStartError` when input ends or the person declines.
    public func identify(given: String?) throws -> String {
        let typed = given == nil
        let staffID = try given?.trimmingBlanks() ?? askStaffID()
        guard !staffID.isEmpty else { throw SessionStartError.noStaffID }
        try StaffIDCheck.validate(staffID)
        let member = try service.identify(staffID: staffID)
        if typed, let pin {
            guard member != nil else { throw AttemptError.unknownStaff(staffID: staffID) }
            guard let entered = pin.read(style.prompt("请输入 PIN（不显示）：")) else { throw SessionStartError.noStaffID }
            try pin.verify(staffID, entered.trimmingCharacters(in: .whitespaces))
        }
        guard let member else {
            output.wrappedLine("提示：尚未导入花名册，任何工号均可作答，成绩记在工号 \(staffID) 名下。", style: style.dim)
            return staffID
        }
        let (id, name, department) = (member.staffID, member.name, member.department)
        let plain = TerminalText.visible("工号 \(id)：\(name)，\(department)", newlines: .space)
        if DisplayWidth.of(plain) <= output.width {
            output.line(TerminalText.visible("工号 \(id)：", newlines: .space) + style.bold(TerminalText.visible(name, newlines: .space))
                + TerminalText.visible("，\(department)", newlines: .space))
        } else {
            output.wrappedLine(plain)  // a long department path: wrapped, the name no longer bold
        }
        if typed, pin == nil {
            guard case .line(let answer) = reader.readLine(.fixed(style.prompt("是本人吗？输入 y 确认：", "1;33"))),
                Confirmation.isYes(answer)
            else { throw SessionStartError.notConfirmed }
        }
        return staffID
    }

    private func askStaffID() throws -> String {
        while true {
            switch reader.readLine(.fixed(style.prompt("请输入工号："))) {
            case .line(let text):
                let trimmed = text.trimmingBlanks()
                if !trimmed.isEmpty { return trimmed }
            case .interrupted, .endOfInput, .hangUp, .deadlineReached:
                throw SessionStartError.noStaffID
            }
        }
    }
}
