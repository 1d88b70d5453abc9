public import Foundation

/// Reads a plan file (the format of `plan.json`: `title_ar`, `commitments[].milestones[]` …) into a ``Plan``.
/// Every fault is reported with the JSON path where it was found, e.g. `$.commitments[1].milestones[0].id`.
public enum PlanFile {
    public static func decode(_ data: Data) throws(BayyinaError) -> Plan {
        let file: FilePlan
        do {
            file = try JSONDecoder().decode(FilePlan.self, from: data)
        } catch let error as DecodingError {
            let detail = describe(error)
            throw BayyinaError(.invalidPlan, detail.message, arabic: detail.arabic)
        } catch {
            throw BayyinaError(.invalidPlan, "The plan file is not valid JSON: \(error.localizedDescription)",
                               arabic: "ملف الخطة ليس JSON صالحاً.")
        }
        return try file.validated()
    }

    /// Writes a plan in the plan-file format, so that `decode(encode(plan))` gives the plan back.
    public static func encode(_ plan: Plan) throws -> Data {
        let file = FilePlan(
            id: plan.id, country: plan.country, title_ar: plan.title.ar, title_en: plan.title.en,
            period: plan.periodStart == nil && plan.periodEnd == nil ? nil : FilePeriod(start: plan.periodStart, end: plan.periodEnd),
            status_as_of: plan.statusAsOf, ogp_values: plan.ogpValues.mapValues { FileText(ar: $0.ar, en: $0.en) },
            commitments: plan.commitments.map { commitment in
                FileCommitment(
                    number: commitment.id.number, id: commitment.id.rawValue, ogp_id: commitment.ogpID, title_ar: commitment.title.ar,
                    title_en: commitment.title.en, short_en: commitment.shortTitle,
                    lead_agency: commitment.leadAgency.map { FileText(ar: $0.ar, en: $0.en) },
                    supporting_agencies: commitment.supportingAgencies.map { FileText(ar: $0.ar, en: $0.en) },
                    ogp_values: commitment.ogpValues,
                    milestones: commitment.milestones.map { milestone in
                        FileMilestone(id: milestone.id.rawValue, title_ar: milestone.title.ar, title_en: milestone.title.en,
                                      status: milestone.status?.rawValue, start: milestone.start, end: milestone.end)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(file)
    }

    static func jsonPath(_ path: [any CodingKey]) -> String {
        path.reduce("$") { result, key in
            if let index = key.intValue { return "\(result)[\(index)]" }
            return "\(result).\(key.stringValue)"
        }
    }

    private static func describe(_ error: DecodingError) -> (message: String, arabic: String) {
        switch error {
        case .keyNotFound(let key, let context):
            let path = jsonPath(context.codingPath + [key])
            return ("\(path) is missing; add it to the plan file.", "الحقل \(path) مفقود؛ أضفه إلى ملف الخطة.")
        case .typeMismatch(let type, let context):
            let path = jsonPath(context.codingPath)
            return ("\(path) has the wrong type; expected \(readable(type)).", "نوع القيمة في \(path) غير صحيح.")
        case .valueNotFound(let type, let context):
            let path = jsonPath(context.codingPath)
            return ("\(path) is null; expected \(readable(type)).", "القيمة في \(path) فارغة (null).")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return ("The plan file is not valid JSON; check its syntax.", "ملف الخطة ليس JSON صالحاً؛ راجع صياغته.")
            }
            let path = jsonPath(context.codingPath)
            return ("\(path): \(context.debugDescription).", "القيمة في \(path) غير صالحة.")
        @unknown default:
            return ("The plan file could not be read.", "تعذّرت قراءة ملف الخطة.")
        }
    }

    private static func readable(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is [Any].Type: "an array"
        default: "\(type)".contains("Array") ? "an array" : "an object"
        }
    }
}

private struct FileText: Codable {
    var ar: String?
    var en: String?
    var localized: LocalizedText { LocalizedText(ar: ar.nonEmpty, en: en.nonEmpty) }
}

private struct FileMilestone: Codable {
    var id: String
    var title_ar: String?
    var title_en: String?
    var status: String?
    var start: String?
    var end: String?
}

private struct FileCommitment: Codable {
    var number: Int?
    var id: String
    var ogp_id: String?
    var title_ar: String?
    var title_en: String?
    var short_en: String?
    var lead_agency: FileText?
    var supporting_agencies: [FileText]?
    var ogp_values: [String]?
    var milestones: [FileMilestone]?
}

private struct FilePeriod: Codable {
    var start: String?
    var end: String?
}

private struct FilePlan: Codable {
    var id: String
    var country: String?
    var title_ar: String?
    var title_en: String?
    var period: FilePeriod?
    var status_as_of: String?
    var ogp_values: [String: FileText]?
    var commitments: [FileCommitment]

    func validated() throws(BayyinaError) -> Plan {
        func fault(_ path: String, _ message: String) -> BayyinaError {
            BayyinaError(.invalidPlan, "$.\(path) \(message)", arabic: "ملف الخطة غير صالح عند $.\(path)؛ صحّح هذه القيمة.")
        }
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw fault("id", "must not be empty.") }
        guard !commitments.isEmpty else { throw fault("commitments", "must list at least one commitment.") }
        var seenCommitments = Set<CommitmentID>()
        var seenMilestones = Set<MilestoneID>()
        var result: [Commitment] = []
        for (index, item) in commitments.enumerated() {
            let path = "commitments[\(index)]"
            guard let commitmentID = CommitmentID(item.id), item.id.first.map({ "Cc".contains($0) }) == true else {
                throw fault("\(path).id", "is '\(item.id)', not a commitment id like C1.")
            }
            if let number = item.number, number != commitmentID.number {
                throw fault("\(path).number", "is \(number) but the id is \(commitmentID).")
            }
            guard seenCommitments.insert(commitmentID).inserted else { throw fault("\(path).id", "repeats \(commitmentID).") }
            let title = LocalizedText(ar: item.title_ar.nonEmpty, en: item.title_en.nonEmpty)
            guard title.ar != nil || title.en != nil else {
                throw fault("\(path)", "needs title_ar or title_en.")
            }
            var milestones: [Milestone] = []
            for (mIndex, milestone) in (item.milestones ?? []).enumerated() {
                let mPath = "\(path).milestones[\(mIndex)]"
                guard let milestoneID = MilestoneID(milestone.id) else {
                    throw fault("\(mPath).id", "is '\(milestone.id)', not a milestone id like \(commitmentID).M1.")
                }
                guard milestoneID.commitment == commitmentID else {
                    throw fault("\(mPath).id", "is \(milestoneID) but belongs to \(commitmentID).")
                }
                guard seenMilestones.insert(milestoneID).inserted else { throw fault("\(mPath).id", "repeats \(milestoneID).") }
                var status: MilestoneStatus?
                if let raw = milestone.status {
                    guard let parsed = MilestoneStatus(rawValue: raw) else {
                        let allowed = MilestoneStatus.allCases.map(\.rawValue).joined(separator: ", ")
                        throw fault("\(mPath).status", "is '\(raw)'; use one of \(allowed).")
                    }
                    status = parsed
                }
                for (key, value) in [("start", milestone.start), ("end", milestone.end)] {
                    if let value, !PlanDate.isValid(value) {
                        throw fault("\(mPath).\(key)", "is '\(value)', not a date like 2023-10-15.")
                    }
                }
                milestones.append(Milestone(
                    id: milestoneID, title: LocalizedText(ar: milestone.title_ar.nonEmpty, en: milestone.title_en.nonEmpty),
                    status: status, start: milestone.start, end: milestone.end))
            }
            result.append(Commitment(
                id: commitmentID, ogpID: item.ogp_id, title: title, shortTitle: item.short_en,
                leadAgency: item.lead_agency?.localized, supportingAgencies: (item.supporting_agencies ?? []).map(\.localized),
                ogpValues: item.ogp_values ?? [], milestones: milestones))
        }
        return Plan(
            id: id, country: country, title: LocalizedText(ar: title_ar.nonEmpty, en: title_en.nonEmpty),
            periodStart: period?.start, periodEnd: period?.end, statusAsOf: status_as_of,
            ogpValues: (ogp_values ?? [:]).mapValues(\.localized), commitments: result)
    }
}

/// Calendar dates as the plan writes them (`YYYY-MM-DD`).
enum PlanDate {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

extension Optional where Wrapped == String {
    var nonEmpty: String? {
        guard let value = self?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
