import BayyinaCore
import CZlib
import Foundation

/// Inflates one raw DEFLATE stream (ZIP method 8) read from a byte range of a file, a chunk at a time.
///
/// Every way a hostile stream can end is an error rather than a loop: running out of input before the end-of-stream
/// marker, a stream that makes no progress, and data after the range all end the call.
enum RawInflate {
    static let chunkSize = 64 * 1024

    /// Feeds the `length` bytes at `offset` through zlib and hands each inflated chunk to `emit`; returns their CRC-32.
    static func inflate(
        _ file: PositionalFile, offset: Int64, length: Int64, part: String,
        emit: (UnsafeRawBufferPointer) throws(BayyinaError) -> Void
    ) throws(BayyinaError) -> UInt32 {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw BayyinaError(.extractionFailed, "zlib could not start inflating \(part).")
        }
        defer { inflateEnd(&stream) }
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { input.deallocate(); output.deallocate() }
        var checksum = crc32(0, nil, 0)
        var consumed: Int64 = 0
        while true {
            if stream.avail_in == 0 {
                let wanted = Int(min(Int64(chunkSize), length - consumed))
                guard wanted > 0, file.fill(input.baseAddress, wanted, at: offset + consumed) == wanted else { throw truncated(part) }
                consumed += Int64(wanted)
                stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(wanted)
            }
            stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(chunkSize)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = chunkSize - Int(stream.avail_out)
            if produced > 0 {
                let chunk = UnsafeRawBufferPointer(rebasing: output[..<produced])
                checksum = crc32(checksum, chunk.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(produced))
                try emit(chunk)
            }
            switch status {
            case Z_STREAM_END: return UInt32(checksum)
            case Z_OK: continue
            // No progress was possible: with input left, the stream is stuck; without, the next read decides.
            case Z_BUF_ERROR where stream.avail_in == 0: continue
            default: throw BayyinaError(.malformedContainer, "\(part) inside the container is not valid compressed data; the file is damaged.")
            }
        }
    }

    /// The CRC-32 of stored (uncompressed) part data.
    static func checksum(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { UInt32(crc32(0, $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count))) }
    }

    private static func truncated(_ part: String) -> BayyinaError {
        BayyinaError(.malformedContainer, "\(part) inside the container ends before its compressed data does; the file is damaged or truncated.")
    }
}
