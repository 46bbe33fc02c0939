/// One column of a `TextTable`: its header and how it may give way when the
/// table is wider than the terminal. Only text such as titles and department
/// paths is ever wrapped or shortened; numbers, ids and rates are shown whole
/// or, when the column matters little, dropped with a note.
public struct TableColumn: Sendable {
    public enum Alignment: Sendable {
        case left
        /// Numbers line up on their last digit.
        case right
    }

    public enum Fit: Sendable {
        /// Shown whole: numbers, ids, rates, dates.
        case fixed
        /// Long text wraps onto more lines inside the column.
        case wrap
        /// Long text is cut and ends in `…`, one line per row.
        case shorten
    }

    /// A column with this priority is never dropped.
    public static let essential = Int.max

    public var header: String
    public var alignment: Alignment
    public var fit: Fit
    /// Higher matters more; when the table cannot fit, columns are dropped
    /// lowest priority first (the rightmost of equals first).
    public var priority: Int
    /// Cells a wrapped or shortened column keeps at least, besides a quarter
    /// of the table width (less when its text is shorter anyway).
    public var minimumWidth: Int

    public init(_ header: String, _ alignment: Alignment = .left, fit: Fit = .fixed, priority: Int = essential, minimumWidth: Int = 10) {
        self.header = header
        self.alignment = alignment
        self.fit = fit
        self.priority = priority
        self.minimumWidth = minimumWidth
    }
}

/// Lays out rows of cells in aligned columns within a width, counting wide
/// characters as two cells. Too wide a table first wraps or shortens its text
/// columns, then drops its least important columns with a note naming them,
/// and when even its essential columns cannot fit it shows one block per
/// record (like psql's expanded display). Every cell passes through
/// `TerminalText.visible`, so no input can act on the terminal. Pure: the
/// caller decides the width (a terminal's, `--width`, or nil for pipes).
public struct TextTable: Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    /// Ends the note about dropped columns: how to see them all.
    public var fullViewHint: String

    public static let defaultHint = "用 --width 指定更宽的宽度查看全部"
    static let gap = 2

    public init(columns: [TableColumn], rows: [[String]] = [], fullViewHint: String = TextTable.defaultHint) {
        self.columns = columns
        self.rows = rows
        self.fullViewHint = fullViewHint
    }

    /// Essential fixed columns, right-aligned where the index is in `rightAligned`.
    public init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
        self.init(columns: headers.enumerated().map { TableColumn($0.element, rightAligned.contains($0.offset) ? .right : .left) }, rows: rows)
    }

    /// The table as text ending in a newline: header, a rule, then rows;
    /// fitted to `width` cells when one is given.
    public func render(width: Int? = nil) -> String {
        lines(width: width).joined(separator: "\n") + "\n"
    }

    /// The table's lines, none wider than `width` cells when one is given.
    public func lines(width: Int?) -> [String] {
        let cells = rows.map { row in columns.indices.map { $0 < row.count ? TerminalText.visible(row[$0], newlines: .space) : "" } }
        let heads = columns.map { TerminalText.visible($0.header, newlines: .space) }
        let cellWidths = cells.map { $0.map(DisplayWidth.of) }
        let longest = columns.indices.map { index in cellWidths.reduce(0) { max($0, $1[index]) } }
        let natural = columns.indices.map { max(longest[$0], DisplayWidth.of(heads[$0])) }
        var shown = Array(columns.indices)
        guard let width, total(natural, shown) > width else {
            return grid(cells, cellWidths: cellWidths, heads: heads, shown: shown, widths: natural)
        }
        // Headers kept on one line unless wrapping them (onto two lines at
        // most) saves a column.
        let whole = fitting(heads: heads, longest: longest, natural: natural, width: width, wrapHeaders: false)
        let wrapped = fitting(heads: heads, longest: longest, natural: natural, width: width, wrapHeaders: true)
        let choice = [whole, wrapped].compactMap { $0 }.min { $0.dropped.count < $1.dropped.count }
        guard let choice else { return expanded(cells, heads: heads, width: width) }
        shown = columns.indices.filter { !choice.dropped.contains($0) }
        var lines = grid(cells, cellWidths: cellWidths, heads: heads, shown: shown, widths: choice.widths)
        if !choice.dropped.isEmpty {
            let names = choice.dropped.sorted().map { heads[$0] }.joined(separator: "、")
            lines += DisplayWidth.wrap("（为适应 \(width) 列，省略了：\(names)；\(fullViewHint)）", width: width, minimumWidth: 1)
        }
        return lines
    }

    /// Widths after dropping the fewest columns (least important first), or
    /// nil when even the essential ones cannot fit.
    private func fitting(heads: [String], longest: [Int], natural: [Int], width: Int, wrapHeaders: Bool) -> (widths: [Int], dropped: [Int])? {
        var shown = Array(columns.indices)
        var dropped: [Int] = []
        while true {
            if let widths = fit(heads: heads, longest: longest, shown: shown, natural: natural, width: width, wrapHeaders: wrapHeaders) {
                return (widths, dropped)
            }
            let candidates = shown.filter { columns[$0].priority != TableColumn.essential }
            guard let victim = candidates.min(by: { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }) else { return nil }
            shown.removeAll { $0 == victim }
            dropped.append(victim)
        }
    }

    private func total(_ widths: [Int], _ shown: [Int]) -> Int {
        shown.reduce(0) { $0 + widths[$1] } + Self.gap * max(0, shown.count - 1)
    }

    /// Column widths for `shown` within `width`, or nil when even the
    /// narrowest allowed widths do not fit. Spare cells go to text columns in
    /// proportion to what they lack, then to wrapped headers.
    private func fit(heads: [String], longest: [Int], shown: [Int], natural: [Int], width: Int, wrapHeaders: Bool) -> [Int]? {
        var widths = natural
        var minimum = natural
        for index in shown {
            let head = wrapHeaders ? Self.twoLineWidth(heads[index]) : DisplayWidth.of(heads[index])
            switch columns[index].fit {
            case .fixed: minimum[index] = max(longest[index], head, 1)
            // Text keeps a quarter of the width (or its column minimum): a
            // title folded into a sliver is worse than a dropped minor column.
            case .wrap, .shorten: minimum[index] = min(natural[index], max(columns[index].minimumWidth, width / 4, head))
            }
            widths[index] = minimum[index]
        }
        var spare = width - total(minimum, shown)
        guard spare >= 0 else { return nil }
        let text = shown.filter { columns[$0].fit != .fixed && natural[$0] > widths[$0] }
        let lacking = text.reduce(0) { $0 + natural[$1] - widths[$1] }
        if lacking > 0 {
            var left = spare
            for index in text {
                let grant = min(left, spare * (natural[index] - widths[index]) / lacking)
                widths[index] += grant
                left -= grant
            }
            for index in text where left > 0 {
                let grant = min(left, natural[index] - widths[index])
                widths[index] += grant
                left -= grant
            }
            spare = left
        }
        for index in shown where spare > 0 {
            let grant = min(spare, natural[index] - widths[index])
            widths[index] += grant
            spare -= grant
        }
        return widths
    }

    /// The fewest cells in which `header` takes at most two lines.
    static func twoLineWidth(_ header: String) -> Int {
        let full = DisplayWidth.of(header)
        let unit = LineBreaking.units(of: header).map(DisplayWidth.of).max() ?? 0
        return (max(unit, 1)...max(full, 1)).first { DisplayWidth.wrap(header, width: $0, minimumWidth: 1).count <= 2 } ?? full
    }

    /// Header (wrapped when its column is narrower), a rule, then the rows;
    /// a row whose cells all fit (every row of an unlimited table) takes the
    /// short path, with the cell widths measured once.
    private func grid(_ cells: [[String]], cellWidths: [[Int]], heads: [String], shown: [Int], widths: [Int]) -> [String] {
        var lines = block(shown.map { (index: $0, lines: wrapped(heads[$0], width: widths[$0])) }, widths: widths)
        lines.append(shown.map { String(repeating: "-", count: widths[$0]) }.joined(separator: String(repeating: " ", count: Self.gap)))
        lines.reserveCapacity(cells.count + 3)
        for (row, measured) in zip(cells, cellWidths) {
            guard shown.allSatisfy({ measured[$0] <= widths[$0] }) else {
                lines += block(shown.map { (index: $0, lines: layout(row[$0], column: columns[$0], width: widths[$0])) }, widths: widths)
                continue
            }
            var text = ""
            for (position, index) in shown.enumerated() {
                if position > 0 { text += Self.spaces(Self.gap) }
                let padding = Self.spaces(widths[index] - measured[index])
                switch columns[index].alignment {
                case .right:
                    text += padding
                    text += row[index]
                case .left:
                    text += row[index]
                    if position < shown.count - 1 { text += padding }
                }
            }
            lines.append(DisplayWidth.trimmingTrailingSpaces(text))
        }
        return lines
    }

    /// Runs of 0 to 128 spaces, made once.
    private static let blanks = (0...128).map { String(repeating: " ", count: $0) }

    /// `count` spaces as one string (appended as bytes, not character by
    /// character: thousands of `absent` rows are padded this way), taken
    /// from `blanks` without counting characters off a longer run.
    static func spaces(_ count: Int) -> String {
        count < blanks.count ? blanks[max(0, count)] : String(repeating: " ", count: count)
    }

    private func layout(_ cell: String, column: TableColumn, width: Int) -> [String] {
        guard DisplayWidth.of(cell) > width else { return [cell] }
        switch column.fit {
        case .fixed, .wrap: return wrapped(cell, width: width)
        case .shorten: return [Self.shortened(cell, to: width)]
        }
    }

    private func wrapped(_ text: String, width: Int) -> [String] {
        DisplayWidth.of(text) > width ? DisplayWidth.wrap(text, width: width, minimumWidth: 1) : [text]
    }

    /// One row of possibly several lines, each cell padded to its column.
    private func block(_ parts: [(index: Int, lines: [String])], widths: [Int]) -> [String] {
        let height = parts.map(\.lines.count).max() ?? 1
        return (0..<height).map { line in
            var text = ""
            for (position, part) in parts.enumerated() {
                let cell = line < part.lines.count ? part.lines[line] : ""
                if position > 0 { text += String(repeating: " ", count: Self.gap) }
                let last = position == parts.count - 1
                switch columns[part.index].alignment {
                case .right: text += DisplayWidth.leftPadded(cell, to: widths[part.index])
                case .left: text += last ? cell : DisplayWidth.padded(cell, to: widths[part.index])
                }
            }
            return DisplayWidth.trimmingTrailingSpaces(text)
        }
    }

    /// `text` cut to `width` cells, the last of them `…`.
    public static func shortened(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            if used + cells > width - 1 { break }
            result.append(character)
            used += cells
        }
        return result + "…"
    }

    /// One block per row: `-[ 记录 N ]---` then `header │ value` lines, the
    /// values wrapped; labels stand on their own line when too wide for both.
    private func expanded(_ cells: [[String]], heads: [String], width: Int) -> [String] {
        let label = heads.map(DisplayWidth.of).max() ?? 0
        let valueWidth = width - label - 3
        var lines = DisplayWidth.wrap("（表格宽于 \(width) 列，按记录逐条显示）", width: width, minimumWidth: 1)
        for (number, row) in cells.enumerated() {
            let title = "-[ 记录 \(number + 1) ]"
            lines.append(title + String(repeating: "-", count: max(0, min(width, 40) - DisplayWidth.of(title))))
            for index in columns.indices {
                if valueWidth >= 10 {
                    let values = wrapped(row[index], width: valueWidth)
                    for (offset, value) in values.enumerated() {
                        let head = offset == 0 ? heads[index] : ""
                        lines.append(DisplayWidth.trimmingTrailingSpaces(DisplayWidth.padded(head, to: label) + " | " + value))
                    }
                } else {
                    lines += wrapped(heads[index], width: width)
                    lines += wrapped(row[index], width: max(1, width - 2)).map { "  " + $0 }
                }
            }
        }
        return lines
    }
}
