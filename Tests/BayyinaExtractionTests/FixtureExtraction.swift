import BayyinaExtraction
import BayyinaTestSupport
import Foundation

extension ExtractorRegistry {
    /// Sniffs and extracts a fixture under its own file name.
    func extract(fixture: String) async throws -> (SniffedType, ExtractedContent) {
        let url = Fixtures.url(fixture)
        return try await extract(fileAt: url, fileName: url.lastPathComponent)
    }
}
