import ArgumentParser
import BayyinaCore
import BayyinaIndex
import Foundation

struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Show the deadline rule sets, or add some from a JSON file.")

    @OptionGroup var options: StoreOptions
    @Option(name: .customLong("import"), help: "A JSON array of rule sets (Schemas/json/deadline-rules.schema.json).") var file: String?

    func run() async throws {
        let index = try options.open().index
        if let file { try index.importDeadlineRules(try JSONFile.decode([DeadlineRules].self, from: file)) }
        let rules = try index.deadlineRules()
        if options.json {
            Output.json(rules)
            return
        }
        let ui = options.ui
        Output.table([ui.pick("ID", "الرمز"), ui.pick("FROM", "السريان"), ui.pick("ANSWER", "مهلة الرد"), ui.pick("EXTENSION", "التمديد"),
                      ui.pick("SILENCE", "السكوت")],
                     rules.map { [$0.id, $0.effectiveFrom.description, "\($0.answerWorkingDays)", "\($0.extensionsAllowed)×\($0.extensionMaxWorkingDays)",
                                  $0.silenceIsRefusal ? ui.pick("refusal", "رفض") : "—"] })
    }
}

struct HolidaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "holidays", abstract: "Show the holiday calendar, or add days from a JSON file.")

    @OptionGroup var options: StoreOptions
    @Option(name: .customLong("import"), help: "A JSON file {\"holidays\": [{day, nameAr, nameEn}]} (Schemas/json/holidays.schema.json).")
    var file: String?

    func run() async throws {
        let index = try options.open().index
        if let file { try index.importHolidays(try HolidayFile.read(file)) }
        let holidays = try index.holidays()
        if options.json {
            Output.json(HolidayFile(holidays: holidays))
            return
        }
        Output.table([options.ui.pick("DAY", "اليوم"), options.ui.pick("HOLIDAY", "العطلة")],
                     holidays.map { [$0.day.description, options.ui.pick($0.nameEn, $0.nameAr)] })
    }
}

/// A holiday calendar file: `{"source"?, "holidays": [{day, nameAr, nameEn}]}`.
struct HolidayFile: Codable {
    var source: String?
    var holidays: [Holiday]

    static func read(_ path: String) throws(BayyinaError) -> [Holiday] {
        try JSONFile.decode(HolidayFile.self, from: path).holidays
    }
}

/// Reads a JSON file the user names, with a clear error when it cannot be read or does not fit.
enum JSONFile {
    static func decode<T: Decodable>(_ type: T.Type, from path: String) throws(BayyinaError) -> T {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw BayyinaError(.fileNotFound, "Cannot read \(path).", arabic: "تعذّرت قراءة \(path).")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw BayyinaError(.invalidArgument, "\(path) does not have the expected form: \(error)", arabic: "الملف \(path) ليس بالصيغة المطلوبة.")
        }
    }
}
