import Yams

/// The two ways a question names its articles: the single form
/// (`article:` + `evidence:`) and the list form (`citations:`), where a case
/// can rest on a duty in one article and a penalty in another.
extension QuestionNodeReader {
    static let citationKeys: Set<String> = ["law", "article", "evidence"]

    /// The cited articles, first one leading; `nil` when any is malformed (already reported).
    mutating func readCitations(_ mapping: MappingFields, law: String?) -> [Citation]? {
        guard let list = mapping["citations"] else {
            let article = readArticle(mapping)
            let evidence = string("evidence", in: mapping, label: "条文依据原文")
            guard let law, let article, let evidence else { return nil }
            return [Citation(lawID: law, article: article, evidence: evidence)]
        }
        let clashing = ["article", "evidence"].filter { mapping[$0] != nil }
        if !clashing.isEmpty {
            report(
                "citations 已逐条给出条文与原文，不应再写 \(clashing.joined(separator: "、"))（二选一：单条形式或 citations 列表）",
                key: clashing[0], in: mapping)
        }
        guard let items = list.sequence, !items.isEmpty else {
            report("citations 应为非空列表，每项为 {article: …, evidence: …}（law 可省略，默认为本题的 law）", key: "citations", in: mapping)
            return nil
        }
        var citations: [Citation] = []
        var complete = clashing.isEmpty
        for item in items {
            if let citation = readCitation(item, law: law) { citations.append(citation) } else { complete = false }
        }
        return complete ? citations : nil
    }

    private mutating func readCitation(_ item: Node, law: String?) -> Citation? {
        guard let mapping = item.mapping.map(MappingFields.init) else {
            report("citations 的每一项应为映射，如 {article: 21, evidence: …}", at: item)
            return nil
        }
        for key in mapping.keys where !Self.citationKeys.contains(key.string ?? "") {
            report("citations 中的未知字段 “\(key.string ?? "?")”（可用字段：article, evidence, law）", at: key)
        }
        var itemLaw = law
        if mapping["law"] != nil { itemLaw = string("law", in: mapping, label: "所依据的法律", missingAt: item) }
        let article = readArticle(mapping, missingAt: item)
        let evidence = string("evidence", in: mapping, label: "条文依据原文", missingAt: item)
        guard let itemLaw, let article, let evidence,
            mapping.keys.allSatisfy({ Self.citationKeys.contains($0.string ?? "") })
        else { return nil }
        return Citation(lawID: itemLaw, article: article, evidence: evidence)
    }
}
