import Foundation

/// A submitted attempt with its paper and answers, as the JSON export writes
/// it: enough for anyone to re-mark it against the bank.
public struct AttemptDetail: Sendable {
    public struct Item: Sendable {
        /// 0-based position on the paper.
        public var index: Int
        public var questionID: String
        /// `Question.contentHash` when drawn, to notice later bank edits.
        public var contentHash: String
        /// Bank letters in display order (`CADB`); empty for 判断题.
        public var optionOrder: String
        /// The key frozen at draw time, in the store's code (`ABD`, `T`, `F`).
        public var keyCode: String
        public var points: Double
        public var sectionIndex: Int
        public var type: QuestionType
        public var lawID: String
        /// The answer given, in bank letters.
        public var given: OptionBits

        public init(
            index: Int, questionID: String, contentHash: String, optionOrder: String, keyCode: String, points: Double,
            sectionIndex: Int, type: QuestionType, lawID: String, given: OptionBits
        ) {
            self.index = index
            self.questionID = questionID
            self.contentHash = contentHash
            self.optionOrder = optionOrder
            self.keyCode = keyCode
            self.points = points
            self.sectionIndex = sectionIndex
            self.type = type
            self.lawID = lawID
            self.given = given
        }

        /// The given answer in the store's code: letters, `T`/`F`, or nil when unanswered.
        public var givenCode: String? {
            guard !given.isEmpty else { return nil }
            var bytes: [UInt8] = []
            appendGivenCode(to: &bytes)
            return String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
        }

        /// `givenCode` as a JSON value (a quoted string, or `null`), appended without building a String.
        public func appendGivenCode(to bytes: inout [UInt8]) {
            guard !given.isEmpty else {
                bytes += "null".utf8
                return
            }
            bytes.append(UInt8(ascii: "\""))
            if type == .judge {
                bytes.append(given.raw & 1 != 0 ? UInt8(ascii: "T") : UInt8(ascii: "F"))
            } else {
                for bit in 0..<6 where given.raw & (1 << bit) != 0 { bytes.append(UInt8(ascii: "A") + UInt8(bit)) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    public var id: Int64
    public var examID: String
    public var examTitle: String
    public var definitionHash: String
    public var staffID: String
    public var seed: UInt64
    public var startedAt: Date
    public var deadline: Date
    public var submittedAt: Date?
    public var submitReason: String?
    public var score: Double
    public var fullMarks: Double
    public var passed: Bool
    public var excellent: Bool
    public var items: [Item]

    public init(
        id: Int64, examID: String, examTitle: String, definitionHash: String, staffID: String, seed: UInt64, startedAt: Date,
        deadline: Date, submittedAt: Date?, submitReason: String?, score: Double, fullMarks: Double, passed: Bool, excellent: Bool,
        items: [Item] = []
    ) {
        self.id = id
        self.examID = examID
        self.examTitle = examTitle
        self.definitionHash = definitionHash
        self.staffID = staffID
        self.seed = seed
        self.startedAt = startedAt
        self.deadline = deadline
        self.submittedAt = submittedAt
        self.submitReason = submitReason
        self.score = score
        self.fullMarks = fullMarks
        self.passed = passed
        self.excellent = excellent
        self.items = items
    }
}
