public import BayyinaCore
import Foundation
import GRDB

extension IndexDatabase {
    /// Imports a plan, or updates the stored one in place: links to commitments and milestones that remain are kept.
    /// Removing a commitment or milestone that evidence is linked to is refused.
    public func importPlan(_ plan: Plan) throws(BayyinaError) {
        try write { db in
            if let other = try String.fetchOne(db, sql: "SELECT id FROM plans WHERE id <> ?", arguments: [plan.id]) {
                throw BayyinaError(.planConflict, "This store holds the plan \(other); it cannot also hold \(plan.id). Use another store (--store) for another plan.")
            }
            try db.execute(sql: """
                INSERT INTO plans(id, country, title_ar, title_en, period_start, period_end, status_as_of, ogp_values, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET country = excluded.country, title_ar = excluded.title_ar, title_en = excluded.title_en,
                    period_start = excluded.period_start, period_end = excluded.period_end, status_as_of = excluded.status_as_of,
                    ogp_values = excluded.ogp_values, imported_at = excluded.imported_at
                """, arguments: [plan.id, plan.country, plan.title.ar, plan.title.en, plan.periodStart, plan.periodEnd,
                                 plan.statusAsOf, try JSONText.encode(plan.ogpValues), Timestamp.now()])
            for commitment in plan.commitments {
                try upsert(commitment, planID: plan.id, db: db)
            }
            try removeDropped(from: plan, db: db)
            try Self.audit("plan-import", "plan:\(plan.id)", after: try Self.digest(plan), db: db)
        }
    }

    private func upsert(_ commitment: Commitment, planID: String, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO commitments(id, plan_id, number, ogp_id, title_ar, title_en, short_title, lead_agency_ar, lead_agency_en,
                supporting_agencies, ogp_values)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET plan_id = excluded.plan_id, number = excluded.number, ogp_id = excluded.ogp_id,
                title_ar = excluded.title_ar, title_en = excluded.title_en, short_title = excluded.short_title,
                lead_agency_ar = excluded.lead_agency_ar, lead_agency_en = excluded.lead_agency_en,
                supporting_agencies = excluded.supporting_agencies, ogp_values = excluded.ogp_values
            """, arguments: [commitment.id.rawValue, planID, commitment.id.number, commitment.ogpID, commitment.title.ar,
                             commitment.title.en, commitment.shortTitle, commitment.leadAgency?.ar, commitment.leadAgency?.en,
                             try JSONText.encode(commitment.supportingAgencies), try JSONText.encode(commitment.ogpValues)])
        for milestone in commitment.milestones {
            try db.execute(sql: """
                INSERT INTO milestones(id, commitment_id, number, title_ar, title_en, status, start_date, end_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET commitment_id = excluded.commitment_id, number = excluded.number,
                    title_ar = excluded.title_ar, title_en = excluded.title_en, status = excluded.status,
                    start_date = excluded.start_date, end_date = excluded.end_date
                """, arguments: [milestone.id.rawValue, commitment.id.rawValue, milestone.id.number, milestone.title.ar,
                                 milestone.title.en, milestone.status?.rawValue, milestone.start, milestone.end])
        }
    }

    private func removeDropped(from plan: Plan, db: Database) throws {
        let keptMilestones = Set(plan.commitments.flatMap { $0.milestones.map(\.id.rawValue) })
        let keptCommitments = Set(plan.commitments.map(\.id.rawValue))
        for id in try String.fetchAll(db, sql: "SELECT id FROM milestones") where !keptMilestones.contains(id) {
            let links = try Int.fetchOne(db, sql: "SELECT count(*) FROM document_milestones WHERE milestone_id = ?", arguments: [id]) ?? 0
            guard links == 0 else {
                throw BayyinaError(.planConflict, "The new plan drops milestone \(id), but \(links) document(s) are linked to it. Unlink them first (bayyina unlink) or keep the milestone.")
            }
            try db.execute(sql: "DELETE FROM milestones WHERE id = ?", arguments: [id])
        }
        for id in try String.fetchAll(db, sql: "SELECT id FROM commitments") where !keptCommitments.contains(id) {
            let links = try Int.fetchOne(db, sql: "SELECT count(*) FROM document_commitments WHERE commitment_id = ?", arguments: [id]) ?? 0
            guard links == 0 else {
                throw BayyinaError(.planConflict, "The new plan drops commitment \(id), but \(links) document(s) are linked to it. Unlink them first (bayyina unlink) or keep the commitment.")
            }
            try db.execute(sql: "DELETE FROM commitments WHERE id = ?", arguments: [id])
        }
    }

    /// The stored plan with its commitments and milestones, nil before any import.
    public func plan() throws(BayyinaError) -> Plan? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM plans") else { return nil }
            let milestoneRows = try Row.fetchAll(db, sql: "SELECT * FROM milestones ORDER BY commitment_id, number")
            let commitmentRows = try Row.fetchAll(db, sql: "SELECT * FROM commitments ORDER BY number")
            let commitments = try commitmentRows.map { commitment -> Commitment in
                let id: String = commitment["id"]
                let milestones = milestoneRows.filter { ($0["commitment_id"] as String) == id }.compactMap { milestone -> Milestone? in
                    guard let milestoneID = MilestoneID(milestone["id"]) else { return nil }
                    return Milestone(
                        id: milestoneID, title: LocalizedText(ar: milestone["title_ar"], en: milestone["title_en"]),
                        status: (milestone["status"] as String?).flatMap(MilestoneStatus.init), start: milestone["start_date"],
                        end: milestone["end_date"])
                }
                let leadAr: String? = commitment["lead_agency_ar"]
                let leadEn: String? = commitment["lead_agency_en"]
                return Commitment(
                    id: CommitmentID(id)!, ogpID: commitment["ogp_id"], title: LocalizedText(ar: commitment["title_ar"], en: commitment["title_en"]),
                    shortTitle: commitment["short_title"],
                    leadAgency: leadAr == nil && leadEn == nil ? nil : LocalizedText(ar: leadAr, en: leadEn),
                    supportingAgencies: try JSONText.decode([LocalizedText].self, commitment["supporting_agencies"]),
                    ogpValues: try JSONText.decode([String].self, commitment["ogp_values"]), milestones: milestones)
            }
            return Plan(
                id: row["id"], country: row["country"], title: LocalizedText(ar: row["title_ar"], en: row["title_en"]),
                periodStart: row["period_start"], periodEnd: row["period_end"], statusAsOf: row["status_as_of"],
                ogpValues: try JSONText.decode([String: LocalizedText].self, row["ogp_values"]), commitments: commitments)
        }
    }

    /// Fails with a clear error unless every id exists in the stored plan.
    public func validateLinks(commitments: [CommitmentID], milestones: [MilestoneID]) throws(BayyinaError) {
        try read { db in
            for id in commitments where try !Bool(exists: db, table: "commitments", id: id.rawValue) {
                throw BayyinaError(.unknownCommitment, "There is no commitment \(id) in the plan. Import the plan first (bayyina plan import) or check the id.",
                                   arabic: "لا يوجد الالتزام \(id) في الخطة. استورد الخطة أولاً (bayyina plan import) أو تحقق من الرمز.")
            }
            for id in milestones where try !Bool(exists: db, table: "milestones", id: id.rawValue) {
                throw BayyinaError(.unknownMilestone, "There is no milestone \(id) in the plan. Check the id (like C2.M3) against the plan.",
                                   arabic: "لا يوجد النشاط \(id) في الخطة. تحقق من الرمز (مثل C2.M3).")
            }
        }
    }
}

extension Bool {
    fileprivate init(exists db: Database, table: String, id: String) throws {
        self = try Int.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE id = ?", arguments: [id]) != nil
    }
}

/// JSON stored in TEXT columns.
enum JSONText {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T {
        try JSONDecoder().decode(type, from: Data((text ?? "null").utf8))
    }
}
