import ArgumentParser
import BayyinaCore
import BayyinaIngest
import Foundation

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash every original, find missing and orphaned files, and check the database.")

    @OptionGroup var options: StoreOptions
    @Flag(help: "Remove orphans and staging leftovers, quarantine corrupted originals, rebuild the full-text index.") var repair = false

    func run() async throws {
        let report = try options.open().verify(repair: repair)
        if options.json {
            Output.json(VerifyJSON(report))
        } else {
            let audit = report.audit
            let ui = options.ui
            Output.table([ui.pick("CHECK", "الفحص"), ui.pick("RESULT", "النتيجة")], [
                [ui.pick("originals re-hashed", "أصول أعيد حساب بصمتها"), "\(audit.checked)"],
                [ui.pick("corrupted", "تالفة"), "\(audit.corrupted.count)"], [ui.pick("orphaned", "يتيمة"), "\(audit.orphaned.count)"],
                [ui.pick("missing", "مفقودة"), "\(audit.missing.count)"], [ui.pick("stray files", "ملفات دخيلة"), "\(audit.strayFiles.count)"],
                [ui.pick("staging leftovers", "بقايا التجهيز"), "\(audit.staleStagingFiles)"],
                [ui.pick("database problems", "مشكلات قاعدة البيانات"), "\(report.databaseProblems.count)"],
            ])
            for problem in report.databaseProblems { Output.line(ui.pick("database: ", "قاعدة البيانات: ") + problem) }
            for hash in audit.missing { Output.line(ui.pick("missing original: ", "أصل مفقود: ") + hash.hex) }
            for hash in audit.corrupted { Output.line(ui.pick("corrupted original: ", "أصل تالف: ") + hash.hex) }
            if report.ok {
                Output.line(ui.pick("The store is consistent.", "المخزن سليم."))
            } else if repair {
                Output.line(ui.pick("The store has problems that repair could not fix.", "في المخزن مشكلات لم يصلحها الإصلاح."))
            } else {
                Output.line(ui.pick("The store has problems; run `bayyina verify --repair`.", "في المخزن مشكلات؛ شغّل bayyina verify --repair."))
            }
        }
        if !report.ok { throw ExitCode(1) }
    }
}
