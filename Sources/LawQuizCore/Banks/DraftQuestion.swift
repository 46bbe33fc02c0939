import Yams

/// A question written by hand without `law`, `article` and `evidence`, for
/// `bank ground` to complete. It is read like any other question with
/// placeholders in those fields, then handed on with an empty law id and
/// article 0 — the form grounding takes for "not grounded yet".
enum DraftQuestion {
    /// The mapping with placeholders, or nil when the node is not such a draft.
    static func completed(_ node: Node) -> Node? {
        guard case .mapping(var mapping) = node,
            mapping["law"] == nil, mapping["article"] == nil, mapping["evidence"] == nil, mapping["citations"] == nil
        else { return nil }
        mapping["law"] = Node("draft")
        mapping["article"] = Node("1")
        mapping["evidence"] = Node("draft")
        return .mapping(mapping)
    }

    static func clear(_ question: inout Question) {
        question.lawID = ""
        question.article = 0
        question.evidence = ""
    }
}
