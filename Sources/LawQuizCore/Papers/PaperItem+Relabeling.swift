extension PaperItem {
    /// Bank text that names options by their bank letters (a 解析 such as
    /// “A、B、D均属禁止行为……C项不选”) rewritten in this paper's display
    /// letters. Options are shuffled per paper, so without this the 解析
    /// would point at the wrong options. Only a letter standing alone (not
    /// part of a Latin word or number such as `GB` or `5A`) that is one of
    /// the question's bank letters is rewritten; all letters change at once.
    public func relabelingOptionLetters(in text: String) -> String {
        guard !optionOrder.isEmpty, optionOrder != Array(OptionLetters.all.prefix(optionOrder.count)) else {
            return text
        }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : nil
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            if !Self.isLatinWordCharacter(before), !Self.isLatinWordCharacter(after),
                let display = displayLetter(forBank: String(character))
            {
                result += display
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func isLatinWordCharacter(_ character: Character?) -> Bool {
        guard let character, character.isASCII else { return false }
        return character.isLetter || character.isNumber
    }
}
