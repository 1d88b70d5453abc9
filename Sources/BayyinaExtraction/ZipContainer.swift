import BayyinaCore
import Foundation
import ZIPFoundation

/// Reads parts of an Office or OpenDocument container into memory, never past the inflation limits.
final class ZipContainer {
    private let archive: Archive
    private let limits: ExtractionLimits
    private let entries: [String: Entry]
    private var inflatedBytes: Int64 = 0

    init(url: URL, limits: ExtractionLimits) throws(BayyinaError) {
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw BayyinaError(.malformedContainer, "The file looks like a ZIP container but its directory cannot be read; it is damaged or truncated.")
        }
        self.limits = limits
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file { entries[entry.path] = entry }
        self.entries = entries
    }

    var paths: [String] { entries.keys.sorted() }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The inflated bytes of a part, nil when the container has no such part.
    func read(_ path: String) throws(BayyinaError) -> Data? {
        guard let entry = entries[path] else { return nil }
        let entryLimit = limits.maximumEntryBytes
        if Int64(entry.uncompressedSize) > entryLimit { throw inflationLimit(path, Int64(entry.uncompressedSize)) }
        var data = Data()
        var entryBytes: Int64 = 0
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                entryBytes += Int64(chunk.count)
                self.inflatedBytes += Int64(chunk.count)
                if entryBytes > entryLimit || self.inflatedBytes > self.limits.maximumInflatedBytes {
                    throw InflationStopped()
                }
                data.append(chunk)
            }
        } catch is InflationStopped {
            throw inflationLimit(path, entryBytes)
        } catch {
            throw BayyinaError(.malformedContainer, "\(path) inside the container cannot be inflated; the file is damaged.")
        }
        return data
    }

    private func inflationLimit(_ path: String, _ size: Int64) -> BayyinaError {
        BayyinaError(.tooLarge, "\(path) inflates to more than \(size / 1_048_576) MB, past the decompressed size limit of \(limits.maximumEntryBytes / 1_048_576) MB per part; the file looks like a zip bomb and was refused.")
    }

    private struct InflationStopped: Error {}
}
