import Foundation

/// One article proposed as the support of a text, with its BM25 score.
public struct GroundingCandidate: Sendable, Hashable {
    public var lawID: String
    public var article: Int
    public var score: Double

    public init(lawID: String, article: Int, score: Double) {
        self.lawID = lawID
        self.article = article
        self.score = score
    }
}

/// Okapi BM25 over the character bigrams and trigrams of every article of
/// the library. BM25's idf weighs down the grams every article shares
/// (的、和、应当、生产经营单位) so the distinctive words decide the rank,
/// and its length normalisation keeps long articles from winning by size.
public struct ArticleRanker: Sendable {
    private struct Document: Sendable {
        var lawID: String
        var article: Int
        var length: Double
    }

    private let documents: [Document]
    /// Term → (document index, term frequency).
    private let postings: [UInt64: [(Int, Int)]]
    private let averageLength: Double
    private let k1 = 1.2
    private let b = 0.75

    public init(library: LawLibrary) {
        var documents: [Document] = []
        var postings: [UInt64: [(Int, Int)]] = [:]
        for law in library.laws {
            for article in law.articles {
                let counts = CharacterGrams.counts(article.text)
                for (term, count) in counts { postings[term, default: []].append((documents.count, count)) }
                documents.append(Document(lawID: law.id, article: article.number, length: Double(counts.values.reduce(0, +))))
            }
        }
        self.documents = documents
        self.postings = postings
        averageLength = documents.isEmpty ? 1 : max(1, documents.map(\.length).reduce(0, +) / Double(documents.count))
    }

    /// Articles ranked for weighted query texts (a text given weight 2 counts
    /// its grams twice), best first; only laws in `lawIDs` and articles
    /// numbered in `numbers` when given.
    public func rank(
        _ texts: [(text: String, weight: Double)], lawIDs: Set<String>? = nil, numbers: Set<Int>? = nil, limit: Int = 10
    ) -> [GroundingCandidate] {
        var query: [UInt64: Double] = [:]
        for (text, weight) in texts {
            for (term, count) in CharacterGrams.counts(CharacterGrams.withoutArticleReferences(text)) {
                query[term, default: 0] += weight * Double(count)
            }
        }
        var scores = [Double](repeating: 0, count: documents.count)
        let total = Double(documents.count)
        for (term, weight) in query {
            guard let list = postings[term] else { continue }
            let idf = log(1 + (total - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
            for (index, frequency) in list {
                let tf = Double(frequency)
                let norm = k1 * (1 - b + b * documents[index].length / averageLength)
                scores[index] += weight * idf * tf * (k1 + 1) / (tf + norm)
            }
        }
        var candidates: [GroundingCandidate] = []
        for (index, score) in scores.enumerated() where score > 0 {
            let document = documents[index]
            if let lawIDs, !lawIDs.contains(document.lawID) { continue }
            if let numbers, !numbers.contains(document.article) { continue }
            candidates.append(GroundingCandidate(lawID: document.lawID, article: document.article, score: score))
        }
        candidates.sort { ($0.score, $1.lawID, $1.article) > ($1.score, $0.lawID, $0.article) }
        return Array(candidates.prefix(limit))
    }
}
