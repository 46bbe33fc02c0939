import Foundation

/// Inline SVG charts for the HTML report: no scripts, no network, and they
/// print as crisply as the text around them.
public enum SVGChart {
    /// Vertical bars of the score bands, with counts above and band labels below.
    public static func histogram(_ histogram: ScoreHistogram) -> String {
        let width = 640.0, height = 260.0, left = 40.0, bottom = 40.0, top = 20.0
        let bands = histogram.bands
        let largest = max(1, bands.map(\.count).max() ?? 1)
        let slot = (width - left - 10) / Double(max(1, bands.count))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"分数分布\" class=\"chart\">"
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" stroke=\"#333\"/>"
        for (index, band) in bands.enumerated() {
            let barHeight = (height - bottom - top) * Double(band.count) / Double(largest)
            let x = left + Double(index) * slot + slot * 0.15
            let y = height - bottom - barHeight
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(slot * 0.7))\" height=\"\(f(barHeight))\" fill=\"#3b6ea5\"/>"
            svg += "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(y - 4))\" text-anchor=\"middle\" font-size=\"11\">\(band.count)</text>"
            svg += "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\">\(HTMLText.escaped(band.label))</text>"
        }
        svg += "<text x=\"\(f(width / 2))\" y=\"\(f(height - 6))\" text-anchor=\"middle\" font-size=\"12\">分数段（人数）</text>"
        return svg + "</svg>"
    }

    /// Horizontal bars of 参考率 per department, each labelled with its fraction.
    public static func participation(_ nodes: [DepartmentRollup.Node]) -> String {
        let rowHeight = 22.0, labelWidth = 220.0, barWidth = 300.0, width = 760.0
        let height = rowHeight * Double(nodes.count) + 30
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"各部门参考率\" class=\"chart\">"
        for (index, node) in nodes.enumerated() {
            let y = 10 + Double(index) * rowHeight
            let share = node.participationRate.value ?? 0
            svg += "<text x=\"\(f(labelWidth - 6))\" y=\"\(f(y + 14))\" text-anchor=\"end\" font-size=\"12\">\(HTMLText.escaped(node.department.name))</text>"
            svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 3))\" width=\"\(f(barWidth))\" height=\"14\" fill=\"#e3e8ef\"/>"
            svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 3))\" width=\"\(f(barWidth * share))\" height=\"14\" fill=\"#2e8b57\"/>"
            svg += "<text x=\"\(f(labelWidth + barWidth + 8))\" y=\"\(f(y + 14))\" font-size=\"12\">\(HTMLText.escaped(node.participationRate.text))</text>"
        }
        return svg + "</svg>"
    }

    /// The departments a participation chart shows: the first level below the
    /// organisation with more than one department (at most 60 bars).
    public static func chartDepartments(_ rollup: DepartmentRollup) -> [DepartmentRollup.Node] {
        var depth = 1
        var nodes = rollup.nodes.filter { $0.depth == depth && $0.required > 0 }
        while nodes.count == 1, let deeper = Optional(rollup.nodes.filter { $0.depth == depth + 1 && $0.required > 0 }), !deeper.isEmpty {
            depth += 1
            nodes = deeper
        }
        return Array(nodes.prefix(60))
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Text escaped for HTML content and attribute values: the XML escaping
/// (which also drops control characters) plus the single quote.
public enum HTMLText {
    public static func escaped(_ text: String) -> String {
        let escaped = XMLText.escaped(text)
        return escaped.contains("'") ? escaped.replacingOccurrences(of: "'", with: "&#39;") : escaped
    }
}
