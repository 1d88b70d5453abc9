import BayyinaCore
@testable import BayyinaLinking
import Testing

/// Commitments and milestones named outright, in the ways Arabic and English evidence names them.
@Suite struct ExplicitMentionTests {
    func targets(_ text: String) -> [String] {
        ExplicitMentions.find(in: TextTerms.words(text)).map(\.target.rawValue)
    }

    @Test func arabicCommitmentWithDigitsOrdinalOrNumberWord() {
        #expect(targets("ضمن أنشطة الالتزام (3) من الخطة") == ["C3"])
        #expect(targets("تنفيذاً للالتزام الثالث من الخطة الوطنية الخامسة") == ["C3"])
        #expect(targets("ضمن الإلتزام رقم 2") == ["C2"])
        #expect(targets("وبالالتزام الأول") == ["C1"])
        #expect(targets("الالتزام الثانية عشرة") == ["C2"])
    }

    @Test func englishCommitmentBeforeOrAfterItsNumber() {
        #expect(targets("under Commitment 5 of the plan") == ["C5"])
        #expect(targets("Commitment No. 4 and the third commitment") == ["C4", "C3"])
        #expect(targets("commitment three") == ["C3"])
    }

    @Test func milestonesByIdByPositionInACommitmentAndByNumber() {
        #expect(targets("C2.M3 نشر مسودات التشريعات") == ["C2.M3"])
        #expect(targets("تنفيذاً للمحور الأول من الالتزام الثالث") == ["C3.M1"])
        #expect(targets("as milestone 2 of commitment 4 requires") == ["C4.M2"])
        #expect(targets("Milestone 3.1 is complete") == ["C3.M1"])
    }

    @Test func pluralsPlansAndYearsAreNotMentions() {
        #expect(targets("عرض التقدم في تنفيذ التزامات الخطة الوطنية الخامسة") == [])
        #expect(targets("the six commitments of the Fifth National Action Plan") == [])
        #expect(targets("Commitment 2023 to transparency") == [])
    }

    @Test func aMilestoneReportedNotStartedIsMarkedSo() {
        let mentions = ExplicitMentions.find(in: TextTerms.words(
            "C1.M3 تنفيذ برنامج تدريبي قيد التنفيذ 35% C1.M4 إطلاق نظام إلكتروني للإفصاح لم يبدأ 0% C2.M1 Not started"))
        #expect(mentions.map(\.target.rawValue) == ["C1.M3", "C1.M4", "C2.M1"])
        #expect(mentions.map(\.notStarted) == [false, true, true])
    }
}
