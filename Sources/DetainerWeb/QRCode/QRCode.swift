/// A QR code encoder (ISO/IEC 18004), small and only as large as enrolment needs: byte mode,
/// error-correction level M, versions 1 to 10 (up to 213 bytes; an `otpauth://` link is about
/// 120). Written here rather than taken from a package: the project adds no dependency for one
/// picture, and the algorithm is short (it follows the structure of Project Nayuki's public
/// reference implementation). `QRCodeTests` compares a symbol with one made by the segno
/// library for the same text, version and mask, and reads the data back out of the modules.
struct QRCode: Sendable, Equatable {
    let version: Int
    private(set) var mask: Int
    /// modules[y][x]: true is dark.
    private(set) var modules: [[Bool]]
    private var isFunction: [[Bool]]

    var size: Int { modules.count }

    /// Level M, versions 1…10 (ISO/IEC 18004 table 9).
    static let eccCodewordsPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    static let errorCorrectionBlocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]
    static let maximumVersion = 10

    /// The smallest symbol holding `data`, with the mask of lowest penalty (or `forcedMask`);
    /// nil when the data does not fit in version 10.
    static func encode(_ data: [UInt8], forcedMask: Int? = nil) -> QRCode? {
        for version in 1...maximumVersion {
            let capacityBits = dataCodewords(version) * 8
            let countBits = version <= 9 ? 8 : 16
            guard 4 + countBits + data.count * 8 <= capacityBits else { continue }
            var bits: [Bool] = []
            func append(_ value: Int, _ length: Int) { for i in stride(from: length - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) } }
            append(0b0100, 4)
            append(data.count, countBits)
            for byte in data { append(Int(byte), 8) }
            append(0, min(4, capacityBits - bits.count))
            append(0, (8 - bits.count % 8) % 8)
            var codewords: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { start in
                (0..<8).reduce(UInt8(0)) { ($0 << 1) | (bits[start + $1] ? 1 : 0) }
            }
            var pad: UInt8 = 0xEC
            while codewords.count < dataCodewords(version) {
                codewords.append(pad)
                pad = pad == 0xEC ? 0x11 : 0xEC
            }
            return QRCode(version: version, dataCodewords: codewords, forcedMask: forcedMask)
        }
        return nil
    }

    private init(version: Int, dataCodewords: [UInt8], forcedMask: Int?) {
        self.version = version
        let size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
        mask = 0
        drawFunctionPatterns()
        drawCodewords(Self.addErrorCorrection(dataCodewords, version: version))
        var best = forcedMask ?? 0
        if forcedMask == nil {
            var lowest = Int.max
            for candidate in 0..<8 {
                applyMask(candidate)
                drawFormatBits(candidate)
                let penalty = penaltyScore()
                if penalty < lowest { lowest = penalty; best = candidate }
                applyMask(candidate)
            }
        }
        mask = best
        applyMask(best)
        drawFormatBits(best)
    }

    // MARK: Sizes

    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewords(_ version: Int) -> Int {
        rawDataModules(version) / 8 - eccCodewordsPerBlock[version] * errorCorrectionBlocks[version]
    }

    // MARK: Function patterns

    private mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)
            setFunction(i, 6, i % 2 == 0)
        }
        drawFinder(3, 3)
        drawFinder(size - 4, 3)
        drawFinder(3, size - 4)
        let positions = alignmentPositions()
        let count = positions.count
        for i in 0..<count {
            for j in 0..<count where !((i == 0 && j == 0) || (i == 0 && j == count - 1) || (i == count - 1 && j == 0)) {
                for dy in -2...2 {
                    for dx in -2...2 { setFunction(positions[i] + dx, positions[j] + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        drawFormatBits(0)   // reserved now, written for real once the mask is chosen
        drawVersion()
    }

    private mutating func drawFinder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let distance = max(abs(dx), abs(dy))
                let xx = x + dx, yy = y + dy
                if xx >= 0, xx < size, yy >= 0, yy < size { setFunction(xx, yy, distance != 2 && distance != 4) }
            }
        }
    }

    func alignmentPositions() -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = [6]
        var position = size - 7
        for _ in 0..<(count - 1) {
            result.insert(position, at: 1)
            position -= step
        }
        return result
    }

    /// Level M is 00; then the mask; BCH(15,5) and the fixed XOR pattern.
    static func formatBits(mask: Int) -> Int {
        let data = (0b00 << 3) | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return ((data << 10) | remainder) ^ 0x5412
    }

    private mutating func drawFormatBits(_ mask: Int) {
        let bits = Self.formatBits(mask: mask)
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { setFunction(8, i, bit(i)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for i in 9..<15 { setFunction(14 - i, 8, bit(i)) }
        for i in 0..<8 { setFunction(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { setFunction(8, size - 15 + i, bit(i)) }
        setFunction(8, size - 8, true)
    }

    private mutating func drawVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = (version << 12) | remainder
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let a = size - 11 + i % 3, b = i / 3
            setFunction(a, b, dark)
            setFunction(b, a, dark)
        }
    }

    // MARK: Data

    /// The module positions data fills, in order: two-column strips from the right, upwards
    /// and downwards in turn, skipping the vertical timing column.
    func dataPositions() -> [(x: Int, y: Int)] {
        var positions: [(x: Int, y: Int)] = []
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x] { positions.append((x, y)) }
                }
            }
            right -= 2
        }
        return positions
    }

    private mutating func drawCodewords(_ codewords: [UInt8]) {
        for (index, position) in dataPositions().enumerated() where index < codewords.count * 8 {
            modules[position.y][position.x] = (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1
        }
    }

    static func maskInverts(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        default: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    private mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] && Self.maskInverts(mask, x: x, y: y) { modules[y][x].toggle() }
        }
    }

    /// The data and error-correction codewords read back out of the modules (tests).
    func readCodewords() -> [UInt8] {
        let positions = dataPositions()
        let count = Self.rawDataModules(version) / 8
        return (0..<count).map { index in
            (0..<8).reduce(UInt8(0)) { byte, bit in
                let position = positions[index * 8 + bit]
                let dark = modules[position.y][position.x] != Self.maskInverts(mask, x: position.x, y: position.y)
                return (byte << 1) | (dark ? 1 : 0)
            }
        }
    }

    // MARK: Error correction

    static func addErrorCorrection(_ data: [UInt8], version: Int) -> [UInt8] {
        let blocks = errorCorrectionBlocks[version], eccLength = eccCodewordsPerBlock[version]
        let raw = rawDataModules(version) / 8
        let shortBlocks = blocks - raw % blocks
        let shortLength = raw / blocks
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var all: [[UInt8]] = []
        var offset = 0
        for index in 0..<blocks {
            let length = shortLength - eccLength + (index < shortBlocks ? 0 : 1)
            var block = Array(data[offset..<(offset + length)])
            offset += length
            let ecc = ReedSolomon.remainder(block, divisor: divisor)
            if index < shortBlocks { block.append(0) }
            all.append(block + ecc)
        }
        var result: [UInt8] = []
        for i in 0..<all[0].count {
            for j in 0..<all.count where i != shortLength - eccLength || j >= shortBlocks { result.append(all[j][i]) }
        }
        return result
    }

    // MARK: Penalty (ISO/IEC 18004 §7.8.3)

    func penaltyScore() -> Int {
        var score = 0
        func runs(_ line: [Bool]) -> Int {
            var total = 0, length = 1
            for i in 1...line.count {
                if i < line.count, line[i] == line[i - 1] { length += 1; continue }
                if length >= 5 { total += 3 + (length - 5) }
                length = 1
            }
            return total
        }
        func finderLike(_ line: [Bool]) -> Int {
            let pattern: [Bool] = [true, false, true, true, true, false, true]
            var total = 0
            guard line.count >= 11 else { return 0 }
            for start in 0...(line.count - 7) where Array(line[start..<(start + 7)]) == pattern {
                let before = (max(0, start - 4)..<start).allSatisfy { !line[$0] } && start >= 4
                let after = start + 11 <= line.count && ((start + 7)..<(start + 11)).allSatisfy { !line[$0] }
                if before || after { total += 40 }
            }
            return total
        }
        for y in 0..<size { score += runs(modules[y]) + finderLike(modules[y]) }
        for x in 0..<size {
            let column = (0..<size).map { modules[$0][x] }
            score += runs(column) + finderLike(column)
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = modules[y][x]
                if colour == modules[y][x + 1], colour == modules[y + 1][x], colour == modules[y + 1][x + 1] { score += 3 }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        score += max(0, k) * 10
        return score
    }
}

/// Reed–Solomon over GF(2^8) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z)
    }

    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}
