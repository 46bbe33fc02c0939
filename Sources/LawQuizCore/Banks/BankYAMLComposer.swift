import CYaml
import Yams

/// Composes a bank file straight from libyaml's events (the parser under
/// Yams) into the `Node`s `Yams.compose(yaml:_:)` makes with the basic
/// resolver — the same scalars, styles, tags and marks — without what Yams
/// spends on top of libyaml: an object per event, Foundation's generic
/// decoding of every scalar, and hashing every mapping's keys (each key's
/// tag resolved) to look for a repeated one; together a sixth of loading the
/// banks without a snapshot. It takes only what bank files hold: a single
/// document of mappings, sequences and scalars with text keys. Anything
/// else — an error, a repeated key, an anchor, an alias, an explicit tag, a
/// second document — is left to Yams, which reports it with its own
/// message and line, so the composer never decides what an error says.
enum BankYAMLComposer {
    /// What was composed; nil when Yams must compose `yaml` itself.
    struct Composed {
        let root: Node?
    }

    static func compose(yaml: String, constructor: Constructor) -> Composed? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            let events = EventReader(bytes)
            defer { events.close() }
            return Composer(events: events, constructor: constructor).document()
        }
    }

    /// libyaml's parser over UTF-8 bytes that outlive it.
    private final class EventReader {
        private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        private let initialized: Bool
        private var ready: Bool

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            parser.initialize(to: yaml_parser_t())
            initialized = yaml_parser_initialize(parser) == 1
            ready = initialized
            guard ready else { return }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        }

        var streamEndProduced: Bool { parser.pointee.stream_end_produced != 0 }

        /// The next event, which the caller must `yaml_event_delete`; nil at an error.
        func next() -> yaml_event_t? {
            guard ready else { return nil }
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else {
                ready = false
                return nil
            }
            return event
        }

        func close() {
            if initialized { yaml_parser_delete(parser) }
            parser.deinitialize(count: 1)
            parser.deallocate()
        }
    }

    /// Builds nodes as Yams's `Parser` does (`singleRoot`, `loadNode`, …).
    private struct Composer {
        let events: EventReader
        let constructor: Constructor

        /// `Parser.singleRoot()`: the stream start, one document, the stream end.
        func document() -> Composed? {
            guard let start = events.next() else { return nil }
            var first = start
            yaml_event_delete(&first)
            guard !events.streamEndProduced, var opening = events.next() else { return nil }
            let openingType = opening.type
            yaml_event_delete(&opening)
            if openingType == YAML_STREAM_END_EVENT { return Composed(root: nil) }
            guard let root = node(), var closing = events.next() else { return nil }
            yaml_event_delete(&closing)
            guard var end = events.next() else { return nil }
            let endType = end.type
            yaml_event_delete(&end)
            return endType == YAML_STREAM_END_EVENT ? Composed(root: root) : nil
        }

        /// The node the next event starts; nil for anything left to Yams.
        private func node() -> Node? {
            guard var event = events.next() else { return nil }
            defer { yaml_event_delete(&event) }
            return node(startingWith: event)
        }

        /// `Parser.loadSequence`; the style is read from the end event, as Yams does.
        private func sequence(at start: yaml_mark_t) -> Node? {
            var items: [Node] = []
            while true {
                guard let peeked = peekEnd(YAML_SEQUENCE_END_EVENT) else { return nil }
                if case .end(var end) = peeked {
                    defer { yaml_event_delete(&end) }
                    guard let style = Node.Sequence.Style(rawValue: numericCast(end.data.sequence_start.style.rawValue)) else { return nil }
                    return .sequence(.init(items, tag(.implicit), style, mark(start)))
                }
                guard case .node(let item) = peeked else { return nil }
                items.append(item)
            }
        }

        /// `Parser.loadMapping`, for text keys none of which repeats (else Yams reports it).
        private func mapping(at start: yaml_mark_t) -> Node? {
            var pairs: [(Node, Node)] = []
            var keys = DistinctKeys()
            while true {
                guard let peeked = peekEnd(YAML_MAPPING_END_EVENT) else { return nil }
                if case .end(var end) = peeked {
                    defer { yaml_event_delete(&end) }
                    guard let style = Node.Mapping.Style(rawValue: numericCast(end.data.mapping_start.style.rawValue)) else { return nil }
                    return .mapping(.init(pairs, tag(.implicit), style, mark(start)))
                }
                guard case .node(let key) = peeked, case .scalar(var scalar) = key, keys.insert(scalar.string),
                    let value = node()
                else { return nil }
                // Yams resolves every key's tag while hashing the keys; the basic resolver gives text.
                scalar.tag = tag(.str)
                pairs.append((.scalar(scalar), value))
            }
        }

        /// The keys of one mapping so far: a question has about a dozen,
        /// compared in a list (hashing each cost more); a set past 16.
        private struct DistinctKeys {
            private var list: [String] = []
            private var set: Set<String>?

            /// False when `key` is already there.
            mutating func insert(_ key: String) -> Bool {
                if set != nil { return set?.insert(key).inserted ?? false }
                guard !list.contains(key) else { return false }
                list.append(key)
                if list.count > 16 { set = Set(list) }
                return true
            }
        }

        private enum Peeked {
            case end(yaml_event_t)
            case node(Node)
        }

        /// The end event of a collection, or the next node in it.
        private func peekEnd(_ endType: yaml_event_type_t) -> Peeked? {
            guard var event = events.next() else { return nil }
            if event.type == endType { return .end(event) }
            defer { yaml_event_delete(&event) }
            return node(startingWith: event).map(Peeked.node)
        }

        /// `Parser.loadNode` for an event already read (deleted by the caller).
        private func node(startingWith event: yaml_event_t) -> Node? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.quoted_implicit == 1 || scalar.tag == nil,
                    let style = Node.Scalar.Style(rawValue: numericCast(scalar.style.rawValue))
                else { return nil }
                let name: Tag.Name = scalar.quoted_implicit == 1 ? .str : .implicit
                return .scalar(.init(text(scalar.value, scalar.length), tag(name), style, mark(event.start_mark)))
            case YAML_SEQUENCE_START_EVENT:
                guard event.data.sequence_start.anchor == nil, event.data.sequence_start.implicit != 0 else { return nil }
                return sequence(at: event.start_mark)
            case YAML_MAPPING_START_EVENT:
                guard event.data.mapping_start.anchor == nil, event.data.mapping_start.implicit != 0 else { return nil }
                return mapping(at: event.start_mark)
            default:
                return nil
            }
        }

        private func tag(_ name: Tag.Name) -> Tag {
            Tag(name, .basic, constructor)
        }

        /// A scalar's text as Yams decodes it (`String(bytes:encoding: .utf8)`,
        /// which drops one leading byte-order mark). libyaml hands out valid UTF-8.
        private func text(_ value: UnsafeMutablePointer<UInt8>?, _ length: Int) -> String {
            guard let value else { return "" }
            var bytes = UnsafeBufferPointer(start: value, count: length)
            if length >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Yams's `Mark` (line and column from 1), which Yams makes only
        /// inside its own module: the same two integers, checked by
        /// `BankYAMLComposerTests` against the marks Yams gives.
        private func mark(_ mark: yaml_mark_t) -> Mark {
            unsafeBitCast((mark.line + 1, mark.column + 1), to: Mark.self)
        }
    }
}
