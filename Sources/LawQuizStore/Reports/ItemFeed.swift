import LawQuizCore

/// Hands the paper items of one scan partition to its sink, whichever
/// source they come from (the `paper_item` rows, an answer sheet, or the rows
/// of one attempt without a sheet): question ids are interned per partition,
/// and a question met for the first time is described (type and law) once,
/// the type then deciding the bits of every later key and answer of it.
final class ItemFeed {
    let sink: any ItemScanSink
    /// One scan thread uses a feed: no runtime exclusivity checks per item.
    @exclusivity(unchecked) private var questions = ByteInterner()
    @exclusivity(unchecked) private var types: [QuestionType] = []

    init(sink: any ItemScanSink) {
        self.sink = sink
    }

    /// One item; `key` and `given` are raw answer codes (`AnswerCode.raw`).
    @inline(__always) func item(
        attempt position: Int, index: Int, question id: UnsafeBufferPointer<UInt8>, key: UInt8, given: UInt8, points: Double,
        describe: () throws -> (type: String, lawID: String)
    ) rethrows {
        let (question, isNew) = questions.index(of: id)
        if isNew {
            let described = try describe()
            let type = QuestionType(rawValue: described.type) ?? .single
            types.append(type)
            sink.question(ScannedQuestion(
                index: question, id: questions.values[question], type: type, lawID: described.lawID, key: AnswerCode.bits(raw: key, type: type)))
        }
        let type = types[question]
        sink.item(ScannedItem(
            attempt: position, itemIndex: index, question: question, type: type, key: AnswerCode.bits(raw: key, type: type),
            given: AnswerCode.bits(raw: given, type: type), points: points))
    }
}
