import Foundation

/// Character n-grams of Chinese text, the terms grounding ranks by: Chinese
/// has no spaces to split words on, and overlapping bigrams and trigrams
/// match the words of an article without a dictionary.
enum CharacterGrams {
    /// Runs of letters and digits of the comparable text; punctuation and
    /// spaces end a run, so no gram spans a clause boundary.
    static func runs(_ text: String) -> [[Unicode.Scalar]] {
        var runs: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in TextNormalizer.comparable(text).unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Term counts of every bigram and trigram, each packed into one integer
    /// (21 bits per scalar) so counting needs no string allocation.
    static func counts(_ text: String) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        for run in runs(text) {
            let values = run.map { UInt64($0.value) }
            for index in values.indices {
                if index + 1 < values.count {
                    counts[values[index] << 21 | values[index + 1], default: 0] += 1
                }
                if index + 2 < values.count {
                    counts[values[index] << 42 | values[index + 1] << 21 | values[index + 2], default: 0] += 1
                }
            }
        }
        return counts
    }

    /// The text with article references (第二十一条, 第3款, 第（三）项) removed:
    /// a question that names its article is grounded by its words like any
    /// other, and the numerals would only add noise.
    static func withoutArticleReferences(_ text: String) -> String {
        guard let pattern = try? NSRegularExpression(
            pattern: "第[零一二三四五六七八九十百千0-9０-９（）()]+[条款项]")
        else { return text }
        return pattern.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "，")
    }
}
