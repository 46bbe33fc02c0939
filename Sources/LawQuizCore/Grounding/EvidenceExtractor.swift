import Foundation

/// Proposes an `evidence` excerpt: the longest runs of an article's own
/// words that the question repeats, cut from the article text itself so the
/// excerpt is verbatim by construction and passes `EvidenceMatcher`.
public enum EvidenceExtractor {
    /// Runs shorter than this (in characters) prove little and are not taken,
    /// except as the only run.
    static let minimumRun = 5
    static let maximumRuns = 3

    /// Pieces in article order joined by `……`; the article's best-matching
    /// sentence when the question repeats no run of it.
    public static func evidence(for texts: [String], in article: Article) -> String {
        let source = Array(article.text)
        // Comparable scalars of the article, each with the character it came from.
        var scalars: [Unicode.Scalar] = []
        var origin: [Int] = []
        for (index, character) in source.enumerated() {
            for scalar in TextNormalizer.comparable(String(character)).unicodeScalars {
                scalars.append(scalar)
                origin.append(index)
            }
        }
        let question = Array(texts.map { TextNormalizer.comparable($0) }.joined(separator: "\u{0}").unicodeScalars)
        var used = [Bool](repeating: false, count: scalars.count)
        var quoted = [Bool](repeating: false, count: question.count)
        var pieces: [Range<Int>] = []
        while pieces.count < maximumRuns {
            guard let (run, words) = longestCommonRun(scalars, question, excluding: used, quoted) else { break }
            let trimmed = trimPunctuation(run, in: scalars)
            let shortest = pieces.isEmpty ? 3 : minimumRun
            guard trimmed.count >= shortest else { break }
            for index in trimmed { used[index] = true }
            for index in words { quoted[index] = true }
            pieces.append(trimmed)
        }
        guard !pieces.isEmpty else { return bestSentence(for: texts, in: article) }
        return pieces.sorted { $0.lowerBound < $1.lowerBound }.map { range in
            String(source[origin[range.lowerBound]...origin[range.upperBound - 1]])
        }.joined(separator: "……")
    }

    /// Longest common substring (dynamic programming over one rolling row) as
    /// (article range, question range); positions already taken on either side
    /// never match, so no words are quoted twice.
    static func longestCommonRun(
        _ article: [Unicode.Scalar], _ question: [Unicode.Scalar], excluding used: [Bool], _ quoted: [Bool]
    ) -> (Range<Int>, Range<Int>)? {
        guard !article.isEmpty, !question.isEmpty else { return nil }
        var previous = [Int](repeating: 0, count: question.count + 1)
        var current = previous
        var best = 0
        var bestEnd = 0
        var bestQuestionEnd = 0
        for i in 1...article.count {
            let scalar = article[i - 1]
            let free = !used[i - 1]
            for j in 1...question.count {
                if free, !quoted[j - 1], scalar == question[j - 1], scalar != "\u{0}" {
                    current[j] = previous[j - 1] + 1
                    if current[j] > best {
                        best = current[j]
                        bestEnd = i
                        bestQuestionEnd = j
                    }
                } else {
                    current[j] = 0
                }
            }
            swap(&previous, &current)
        }
        return best == 0 ? nil : ((bestEnd - best)..<bestEnd, (bestQuestionEnd - best)..<bestQuestionEnd)
    }

    /// Drops punctuation at either end: an excerpt reads better without a dangling “，”.
    static func trimPunctuation(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, !isWord(scalars[lower]) { lower += 1 }
        while upper > lower, !isWord(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The sentence (up to 。；or a paragraph end) sharing the most grams with the texts.
    static func bestSentence(for texts: [String], in article: Article) -> String {
        let query = CharacterGrams.counts(texts.joined(separator: "\n"))
        var best = (score: -1, text: article.paragraphs.first ?? "")
        for paragraph in article.paragraphs {
            for sentence in paragraph.split(whereSeparator: { "。；".contains($0) }) {
                let text = sentence.trimmingCharacters(in: .whitespaces)
                let score = CharacterGrams.counts(text).keys.filter { query[$0] != nil }.count
                if !text.isEmpty, score > best.score { best = (score, text) }
            }
        }
        return best.text
    }
}
