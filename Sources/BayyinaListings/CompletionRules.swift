import BayyinaCore

/// The rules that suggest an IRM completion level from the reported status and the evidence held.
enum CompletionRules {
    typealias Suggestion = CompletenessReport.Suggestion

    static func milestone(_ status: MilestoneStatus?, evidence: Int) -> Suggestion {
        switch (status, evidence) {
        case (.completed, 0):
            Suggestion(level: .noEvidenceAvailable, reasonAr: "أُبلغ عن اكتماله ولا توجد أي وثيقة تثبت ذلك.",
                       reasonEn: "Reported completed, but no document evidences it.")
        case (.completed, _):
            Suggestion(level: .complete, reasonAr: "أُبلغ عن اكتماله وتدعمه \(evidence) وثيقة.",
                       reasonEn: "Reported completed and backed by \(evidence) document(s).")
        case (.inProgress, 0):
            Suggestion(level: .noEvidenceAvailable, reasonAr: "أُبلغ أنه قيد التنفيذ ولا توجد أي وثيقة تثبت ذلك.",
                       reasonEn: "Reported in progress, but no document evidences it.")
        case (.inProgress, _):
            Suggestion(level: .limited, reasonAr: "قيد التنفيذ وتدعمه \(evidence) وثيقة؛ الاكتمال غير مثبت بعد.",
                       reasonEn: "In progress with \(evidence) document(s); completion is not evidenced yet.")
        case (_, 0):
            Suggestion(level: .notStarted, reasonAr: "لم يُبلَّغ عن بدئه ولا توجد وثائق.", reasonEn: "Not reported started, and no documents.")
        default:
            Suggestion(level: .limited, reasonAr: "توجد \(evidence) وثيقة رغم الإبلاغ بأنه لم يبدأ؛ راجعوا الحالة المبلغ عنها.",
                       reasonEn: "\(evidence) document(s) exist although it is reported not started; check the reported status.")
        }
    }

    /// A commitment: complete when every milestone is, substantial when at least half are, limited when any milestone
    /// is evidenced; otherwise not started or without evidence. A commitment without milestones goes by its evidence.
    static func commitment(_ milestones: [CompletenessReport.Level], evidence: Int) -> Suggestion {
        let total = milestones.count
        let complete = milestones.filter { $0 == .complete }.count
        let evidenced = milestones.filter { $0 == .complete || $0 == .limited }.count
        if total == 0 {
            return evidence == 0
                ? Suggestion(level: .noEvidenceAvailable, reasonAr: "لا أنشطة مسجلة ولا وثائق.", reasonEn: "No milestones recorded and no documents.")
                : Suggestion(level: .limited, reasonAr: "لا أنشطة مسجلة؛ \(evidence) وثيقة مرتبطة بالالتزام.",
                             reasonEn: "No milestones recorded; \(evidence) document(s) linked to the commitment.")
        }
        if milestones.allSatisfy({ $0 == .notStarted }) && evidence == 0 {
            return Suggestion(level: .notStarted, reasonAr: "لم يبدأ أي نشاط من أنشطته الـ\(total).",
                              reasonEn: "None of its \(total) milestones has started.")
        }
        let counts = "\(complete)/\(total)"
        if complete == total {
            return Suggestion(level: .complete, reasonAr: "اكتملت جميع الأنشطة (\(counts)) بأدلة.", reasonEn: "All milestones (\(counts)) completed with evidence.")
        }
        if complete * 2 >= total {
            return Suggestion(level: .substantial, reasonAr: "اكتمل \(counts) من الأنشطة بأدلة.", reasonEn: "\(counts) milestones completed with evidence.")
        }
        if evidenced > 0 || evidence > 0 {
            return Suggestion(level: .limited, reasonAr: "اكتمل \(counts) من الأنشطة بأدلة، وتوجد أدلة على تقدم محدود.",
                              reasonEn: "\(counts) milestones completed with evidence; evidence shows limited progress.")
        }
        return Suggestion(level: .noEvidenceAvailable, reasonAr: "أُبلغ عن تقدم في أنشطته ولا توجد أي وثيقة تثبته.",
                          reasonEn: "Progress is reported on its milestones, but no document evidences it.")
    }
}
