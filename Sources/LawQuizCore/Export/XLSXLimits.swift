/// How far an .xlsx may inflate before it is refused. A workbook is a zip:
/// a 1 MB file can inflate to gigabytes, so every part is capped (by the size
/// the zip states and by the bytes actually inflated) and so is the total.
public struct XLSXLimits: Sendable, Hashable {
    /// Most bytes one part may inflate to.
    public var partSize: Int
    /// Most bytes all parts together may state.
    public var totalSize: Int

    public init(partSize: Int, totalSize: Int) {
        self.partSize = partSize
        self.totalSize = totalSize
    }

    /// 50 MB per part, 200 MB in all: a roster of a million people fits well
    /// under it, a zip bomb is stopped long before memory grows.
    public static let standard = XLSXLimits(partSize: 50 << 20, totalSize: 200 << 20)
}
