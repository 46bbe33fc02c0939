/// Writes questions as Moodle XML: `multichoice` (single, or multiple with
/// fractions summing to 100 and wrong options negative), `truefalse`, one
/// `category` question per law and article, 解析 as general feedback.
public enum MoodleXMLWriter {
    public static func text(_ questions: [Question], library: LawLibrary) -> String {
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<quiz>"]
        var category = ""
        for question in questions {
            let path = ExportedCitation.category(question, library: library)
            if path != category {
                xml.append("  <question type=\"category\"><category><text>$course$/top/\(XMLText.escaped(path))</text></category></question>")
                category = path
            }
            let type = question.type == .judge ? "truefalse" : "multichoice"
            xml.append("  <question type=\"\(type)\">")
            xml.append("    <name><text>\(XMLText.escaped(ExportedCitation.name(question, library: library)))</text></name>")
            xml.append("    <questiontext format=\"plain_text\"><text>\(XMLText.escaped(question.stem))</text></questiontext>")
            xml.append("    <generalfeedback format=\"plain_text\"><text>\(XMLText.escaped(question.explanation))</text></generalfeedback>")
            xml.append("    <defaultgrade>1</defaultgrade><penalty>0</penalty><hidden>0</hidden>")
            switch question.answer {
            case .judgement(let value):
                xml.append("    <answer fraction=\"\(value ? 100 : 0)\" format=\"plain_text\"><text>true</text></answer>")
                xml.append("    <answer fraction=\"\(value ? 0 : 100)\" format=\"plain_text\"><text>false</text></answer>")
            case .options:
                xml.append("    <single>\(question.type == .single)</single><shuffleanswers>true</shuffleanswers><answernumbering>ABCD</answernumbering>")
                for (option, fraction) in zip(question.options, ExportedCitation.fractions(question)) {
                    xml.append("    <answer fraction=\"\(fraction)\" format=\"plain_text\"><text>\(XMLText.escaped(option.text))</text></answer>")
                }
            }
            xml.append("  </question>")
        }
        xml.append("</quiz>")
        return xml.joined(separator: "\n") + "\n"
    }
}
