@testable import BayyinaExtraction
import BayyinaTestSupport
import Foundation
import Testing

/// The long-lived PDF reader: the same text as `pdftotext`, and a worker that dies or hangs costs only itself.
@Suite struct PDFTextWorkerTests {
    static let pdfs = [
        "generated/kufi_arabic.pdf", "docs/msf_meeting_minutes_2022-03-20_en.pdf", "generated/lam_alef_dejavu.pdf",
        "generated/mixed_pages.pdf", "generated/permissions_only.pdf",
    ]

    @Test func oneWorkerReadsFileAfterFileWithPdftotextsText() async throws {
        let workers = PDFTextWorkers()
        for name in Self.pdfs {
            let path = Fixtures.url(name).path
            guard case .reply(let reply) = await workers.read(path, password: nil, limits: ExtractionLimits()) else {
                Issue.record("\(name): no reply")
                continue
            }
            let pdftotext = try await ChildProcess.run("pdftotext", ["-enc", "UTF-8", path, "-"], limits: ExtractionLimits(), outputLimit: 1 << 24)
            #expect(reply.status == .ok)
            #expect(!reply.text.isEmpty)
            #expect(reply.text == pdftotext.output, "\(name)")
        }
        #expect(await workers.idleProcessIdentifiers().count == 1)
    }

    @Test func aFileThatRunsPastTheTimeLimitStopsItsWorkerAndTheNextFileGetsANewOne() async throws {
        let workers = PDFTextWorkers()
        var instant = ExtractionLimits()
        instant.childTimeoutSeconds = 0
        let path = Fixtures.url(Self.pdfs[0]).path
        guard case .timedOut = await workers.read(path, password: nil, limits: instant) else {
            Issue.record("a zero time limit did not stop the worker")
            return
        }
        #expect(await workers.idleProcessIdentifiers().isEmpty)
        guard case .reply(let reply) = await workers.read(path, password: nil, limits: ExtractionLimits()) else {
            Issue.record("the next file was not read")
            return
        }
        #expect(reply.status == .ok && !reply.text.isEmpty)
    }

    @Test func aWorkerKilledWhileIdleIsReplacedWithoutBlamingTheNextFile() async throws {
        let workers = PDFTextWorkers()
        let path = Fixtures.url(Self.pdfs[1]).path
        guard case .reply = await workers.read(path, password: nil, limits: ExtractionLimits()) else {
            Issue.record("no reply")
            return
        }
        let idle = await workers.idleProcessIdentifiers()
        #expect(idle.count == 1)
        for process in idle { kill(process, SIGKILL) }
        guard case .reply(let reply) = await workers.read(path, password: nil, limits: ExtractionLimits()) else {
            Issue.record("the file after a killed worker was not read")
            return
        }
        #expect(reply.status == .ok)
        #expect(await workers.idleProcessIdentifiers().allSatisfy { !idle.contains($0) })
    }

    @Test func aDamagedFileIsUnreadableWithPopplersReasonAndTheWorkerGoesOn() async throws {
        let workers = PDFTextWorkers()
        guard case .reply(let damaged) = await workers.read(
            Fixtures.url("bad/truncated_progress_report.pdf").path, password: nil, limits: ExtractionLimits()) else {
            Issue.record("no reply")
            return
        }
        #expect(damaged.status == .unreadable)
        #expect(damaged.messages.contains("xref"))
        guard case .reply(let locked) = await workers.read(
            Fixtures.url("bad/irm_draft_encrypted.pdf").path, password: "wrong", limits: ExtractionLimits()) else {
            Issue.record("no reply")
            return
        }
        #expect(locked.status == .locked)
        #expect(await workers.idleProcessIdentifiers().count == 1)
    }
}
