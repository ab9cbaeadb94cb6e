/// The file types a document may be: recognised by their first bytes ("magic numbers"), never by
/// their name or a declared content type, so an executable renamed `.pdf` or an HTML page
/// renamed `.png` is refused (issue 21 §1). Only the stored type is ever served back.
public enum DocumentType: String, Sendable, CaseIterable {
    case pdf, png, jpeg, tiff

    /// The media type stored and served (`Content-Type`).
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .tiff: "image/tiff"
        }
    }

    public init?(mediaType: String) {
        guard let type = Self.allCases.first(where: { $0.mediaType == mediaType }) else { return nil }
        self = type
    }

    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .png: "png"
        case .jpeg: "jpg"
        case .tiff: "tif"
        }
    }

    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .png: "PNG image"
        case .jpeg: "JPEG image"
        case .tiff: "TIFF image"
        }
    }

    /// How many leading bytes `recognise` and `describe` look at.
    public static let sniffLength = 16

    private static let signatures: [(DocumentType, [UInt8])] = [
        (.pdf, Array("%PDF-".utf8)),
        (.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (.jpeg, [0xFF, 0xD8, 0xFF]),
        (.tiff, [0x49, 0x49, 0x2A, 0x00]),  // little-endian ("II*\0")
        (.tiff, [0x4D, 0x4D, 0x00, 0x2A]),  // big-endian ("MM\0*")
    ]

    /// The type the bytes begin with, or nil for anything else.
    public static func recognise<Bytes: Collection>(_ bytes: Bytes) -> DocumentType? where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(sniffLength))
        return signatures.first { head.starts(with: $0.1) }?.0
    }

    /// What a refused file looks like, for the message ("an executable program (ELF)"), so the
    /// clerk learns why a file named `warrant.pdf` is not taken.
    public static func describe<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(512))
        if head.isEmpty { return "an empty file" }
        if head.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "an executable program (ELF)" }
        if head.starts(with: Array("MZ".utf8)) { return "a Windows executable" }
        if head.starts(with: [0xCF, 0xFA, 0xED, 0xFE]) || head.starts(with: [0xCE, 0xFA, 0xED, 0xFE]) || head.starts(with: [0xCA, 0xFE, 0xBA, 0xBE]) {
            return "a macOS executable"
        }
        if head.starts(with: Array("#!".utf8)) { return "a script" }
        if head.starts(with: Array("PK".utf8)) { return "a ZIP archive (or a Word/Excel file)" }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "an old Microsoft Office file" }
        if head.starts(with: Array("GIF8".utf8)) { return "a GIF image" }
        let text = String(decoding: head, as: UTF8.self).lowercased().drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.hasPrefix("<script") || text.hasPrefix("<svg")
            || text.hasPrefix("<?xml") || text.contains("<html") || text.contains("<script") {
            return "HTML, SVG or XML markup"
        }
        return "not a PDF, PNG, JPEG or TIFF file"
    }
}
