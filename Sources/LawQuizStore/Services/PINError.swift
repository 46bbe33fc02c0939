import Foundation
import LawQuizCore

/// Why a PIN was not accepted at a shared console, or could not be set.
public enum PINError: LocalizedError, Sendable, Equatable {
    /// No PIN has been set for this 工号.
    case notSet(staffID: String)
    /// Wrong PIN; `remaining` tries before the 工号 is locked.
    case wrong(staffID: String, remaining: Int)
    /// Too many wrong PINs: locked until the time given.
    case locked(staffID: String, until: Date)
    /// A PIN must be 4–12 digits.
    case badFormat
    /// The 工号 is not on the roster.
    case unknownStaff(staffID: String)
    /// The two entries of a new PIN differ.
    case mismatch

    /// A refusal of a person (exit status 77), not a mistake in a request.
    public var isRefusal: Bool {
        switch self {
        case .notSet, .wrong, .locked: return true
        case .badFormat, .unknownStaff, .mismatch: return false
        }
    }

    public var errorDescription: String? {
        switch self {
        case .notSet(let id): return "工号 \(id) 尚未设置 PIN。请管理员运行 lawquiz roster pin \(id) 设置。"
        case .wrong(let id, let remaining):
            return remaining > 0
                ? "PIN 不正确（工号 \(id)）。再错 \(remaining) 次将锁定 \(PINService.lockMinutes) 分钟。"
                : "PIN 不正确（工号 \(id)）。已锁定 \(PINService.lockMinutes) 分钟。"
        case .locked(let id, let until):
            return "工号 \(id) 因 PIN 连续输错已锁定，请于 \(ExamTimeFormat.format(until)) 后再试，或联系管理员。"
        case .badFormat: return "PIN 应为 4 到 12 位数字。"
        case .unknownStaff(let id): return "花名册中没有工号 \(id)。"
        case .mismatch: return "两次输入的 PIN 不一致，未修改。"
        }
    }
}
