import BayyinaCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading at explicit offsets, never past its end.
final class PositionalFile {
    let size: Int64
    private let descriptor: Int32

    init(url: URL) throws(BayyinaError) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw BayyinaError(.unreadableFile, "\(url.lastPathComponent) cannot be opened for reading (errno \(errno)).")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw BayyinaError(.unreadableFile, "\(url.lastPathComponent) cannot be read (errno \(errno)).")
        }
        self.descriptor = descriptor
        self.size = Int64(status.st_size)
    }

    deinit { close(descriptor) }

    /// Exactly `count` bytes from `offset`; an error when the file ends sooner.
    func bytes(_ count: Int, at offset: Int64) throws(BayyinaError) -> [UInt8] {
        guard count >= 0, offset >= 0, offset + Int64(count) <= size else { throw Self.pastEnd }
        var buffer = [UInt8](repeating: 0, count: count)
        let read = buffer.withUnsafeMutableBytes { fill($0.baseAddress, count, at: offset) }
        guard read == count else { throw Self.pastEnd }
        return buffer
    }

    /// Fills `pointer` with `count` bytes from `offset`; the number read, short only at an error or the end of the file.
    func fill(_ pointer: UnsafeMutableRawPointer?, _ count: Int, at offset: Int64) -> Int {
        guard let pointer else { return 0 }
        var done = 0
        while done < count {
            let n = pread(descriptor, pointer + done, count - done, off_t(offset) + off_t(done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        return done
    }

    static let pastEnd = BayyinaError(.malformedContainer, "The ZIP container points past the end of the file; it is damaged or truncated.")
}
