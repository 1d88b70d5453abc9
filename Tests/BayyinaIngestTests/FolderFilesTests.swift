import BayyinaIngest
import BayyinaTestSupport
import Foundation
import Testing

@Suite struct FolderFilesTests {
    @Test func aFolderGivesItsRegularFilesSortedWithoutHiddenOnesOrLinks() throws {
        let folder = try TemporaryDirectory()
        let root = folder.url
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("محاضر/2023"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for path in ["b.txt", "a.pdf", "محاضر/2023/محضر.docx", "محاضر/z.txt", ".hidden.txt", ".git/config"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(path))
        }
        try manager.createSymbolicLink(at: root.appendingPathComponent("link.txt"), withDestinationURL: root.appendingPathComponent("b.txt"))
        try manager.createSymbolicLink(at: root.appendingPathComponent("loop"), withDestinationURL: root)
        let found = FolderFiles.regularFiles(under: root).map { String($0.path.dropFirst(root.standardizedFileURL.path.count + 1)) }
        #expect(found == ["a.pdf", "b.txt", "محاضر/2023/محضر.docx", "محاضر/z.txt"])
    }

    @Test func aMissingFolderGivesNoFiles() throws {
        let folder = try TemporaryDirectory()
        #expect(FolderFiles.regularFiles(under: folder.url.appendingPathComponent("absent")).isEmpty)
    }
}
