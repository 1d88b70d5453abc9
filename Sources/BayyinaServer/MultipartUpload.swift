import BayyinaCore
import Foundation
import Hummingbird
import MultipartKit

/// A multipart/form-data body read as it streams in: fields kept (up to 64 KB each), files written straight to a
/// staging folder of its own, each stopped at the size limit.
struct MultipartUpload {
    struct File {
        var name: String
        var url: URL
        var size: Int64
        var tooLarge: Bool
    }

    /// The folder the files are staged in; `discard()` removes it.
    let folder: URL
    var fields: [String: [String]] = [:]
    var files: [File] = []

    static let maximumFieldBytes = 64 * 1024

    /// Reads the body of `request` into a new folder inside `staging`. A body that is not multipart, or that ends
    /// inside a part, is an `invalidArgument` error, and nothing of it is left behind.
    static func read(_ request: Request, stagingIn staging: URL, fileSizeLimit: Int64) async throws -> MultipartUpload {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = contentType.split(separator: ";").compactMap({ part -> String? in
                  let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                  return pair.count == 2 && pair[0].lowercased() == "boundary" ? pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : nil
              }).first else {
            throw BayyinaError(.invalidArgument, "Send the files as multipart/form-data.", arabic: "أرسل الملفات بصيغة multipart/form-data.")
        }
        let folder = staging.appendingPathComponent("uploads-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let state = ParseState(folder: folder, fileSizeLimit: fileSizeLimit)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.complete() }
        do {
            for try await buffer in request.body {
                try parser.execute(buffer)
            }
            guard state.fieldName == nil, state.fileName == nil else {
                throw BayyinaError(.invalidArgument, "The upload ended before its last part was complete; send it again.",
                                   arabic: "انقطع الرفع قبل اكتمال آخر أجزائه؛ أرسله مرة أخرى.")
            }
        } catch {
            try? state.handle?.close()
            state.upload.discard()
            throw (error as? BayyinaError) ?? BayyinaError(.invalidArgument, "The upload is not well-formed multipart/form-data.",
                                                          arabic: "الرفع ليس بصيغة multipart/form-data سليمة.")
        }
        return state.upload
    }

    /// The parser's callbacks write into this.
    private final class ParseState {
        let folder: URL
        let fileSizeLimit: Int64
        var upload: MultipartUpload
        var fieldName: String?
        var fileName: String?
        var value = Data()
        var handle: FileHandle?
        var current: File?

        init(folder: URL, fileSizeLimit: Int64) {
            self.folder = folder
            self.fileSizeLimit = fileSizeLimit
            upload = MultipartUpload(folder: folder)
        }

        func header(_ name: String, _ value: String) {
            guard name.lowercased() == "content-disposition" else { return }
            for piece in value.split(separator: ";").dropFirst() {
                let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let text = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                if pair[0] == "name" { fieldName = text }
                if pair[0] == "filename" { fileName = text }
            }
        }

        func body(_ buffer: inout ByteBuffer) {
            if let fileName {
                if current == nil {
                    let url = folder.appendingPathComponent("upload-\(UUID().uuidString)")
                    guard FileManager.default.createFile(atPath: url.path, contents: nil) else { return }
                    handle = try? FileHandle(forWritingTo: url)
                    current = File(name: fileName, url: url, size: 0, tooLarge: false)
                }
                let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
                current?.size += Int64(bytes.count)
                if (current?.size ?? 0) > fileSizeLimit {
                    current?.tooLarge = true
                    try? handle?.truncate(atOffset: 0)
                } else if current?.tooLarge == false {
                    handle?.write(Data(bytes))
                }
            } else if value.count < MultipartUpload.maximumFieldBytes {
                value.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
            }
        }

        func complete() {
            if let file = current {
                try? handle?.close()
                upload.files.append(file)
            } else if let fileName, !fileName.isEmpty {
                let url = folder.appendingPathComponent("upload-\(UUID().uuidString)")
                if FileManager.default.createFile(atPath: url.path, contents: nil) {
                    upload.files.append(File(name: fileName, url: url, size: 0, tooLarge: false))
                }
            } else if let fieldName, fileName == nil {
                upload.fields[fieldName, default: []].append(String(decoding: value, as: UTF8.self))
            }
            fieldName = nil
            fileName = nil
            value = Data()
            handle = nil
            current = nil
        }
    }

    /// The first value of a field.
    func field(_ name: String) -> String? { fields[name]?.first }

    /// Removes the staged files and their folder.
    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }
}
