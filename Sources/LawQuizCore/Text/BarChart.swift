/// A horizontal bar chart for the terminal: labels aligned by display width
/// (CJK counts two cells), bars scaled to the widest value with eighth-block
/// precision, and the value written after each bar.
public struct BarChart: Sendable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Int
        /// Written after the bar, e.g. `12（10.0%）`.
        public var annotation: String

        public init(label: String, value: Int, annotation: String) {
            self.label = label
            self.value = value
            self.annotation = annotation
        }
    }

    public var bars: [Bar]
    /// The value of a full-width bar; nil scales to the widest bar. Shares
    /// (e.g. ‰ mastered) pass 1000 so bars compare against the whole.
    public var fullScale: Int?

    public init(bars: [Bar], fullScale: Int? = nil) {
        self.bars = bars
        self.fullScale = fullScale
    }

    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The chart as lines no wider than `width` cells (bars get what the
    /// labels and annotations leave, at least 10 cells).
    public func render(width: Int) -> [String] {
        let labelWidth = bars.map { DisplayWidth.of($0.label) }.max() ?? 0
        let annotationWidth = bars.map { DisplayWidth.of($0.annotation) }.max() ?? 0
        let barWidth = max(10, width - labelWidth - annotationWidth - 4)
        let largest = fullScale ?? bars.map(\.value).max() ?? 0
        return bars.map { bar in
            let bar = DisplayWidth.padded(bar.label, to: labelWidth) + " │" + Self.bar(bar.value, of: largest, width: barWidth)
                + " " + bar.annotation
            return bar
        }
    }

    /// A bar of `value / largest × width` cells; any non-zero value shows at least a sliver.
    static func bar(_ value: Int, of largest: Int, width: Int) -> String {
        guard largest > 0, value > 0 else { return "" }
        let eighthsTotal = max(1, (value * width * 8 + largest / 2) / largest)
        return String(repeating: "█", count: eighthsTotal / 8) + eighths[eighthsTotal % 8]
    }
}
