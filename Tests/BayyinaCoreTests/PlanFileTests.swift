import BayyinaCore
import BayyinaTestSupport
import Foundation
import Testing

@Suite struct PlanFileTests {
    @Test func corpusPlanHasSixCommitmentsWithMilestones() throws {
        let plan = try PlanFile.decode(try Data(contentsOf: Fixtures.planFile))
        #expect(plan.id == "JO-NAP5")
        #expect(plan.commitments.map(\.id.rawValue) == ["C1", "C2", "C3", "C4", "C5", "C6"])
        #expect(plan.commitments[1].milestones.first?.id.rawValue == "C2.M1")
        #expect(plan.commitments[0].title.ar?.hasPrefix("تحسين الحوكمة") == true)
        #expect(plan.commitments[0].leadAgency?.en != nil)
    }

    @Test func milestoneWithoutArabicTitleIsAccepted() throws {
        let json = #"{"id":"P","commitments":[{"id":"C1","title_en":"One","milestones":[{"id":"C1.M1","title_en":"First"}]}]}"#
        let plan = try PlanFile.decode(Data(json.utf8))
        #expect(plan.commitments[0].milestones[0].title.ar == nil)
        #expect(plan.commitments[0].milestones[0].title.en == "First")
    }

    @Test(arguments: [
        (#"{"id":"P","commitments":[{"id":"C1","title_en":"x","milestones":[{"id":"C2.M1"}]}]}"#, "$.commitments[0].milestones[0].id"),
        (#"{"id":"P","commitments":[{"id":"X1","title_en":"x"}]}"#, "$.commitments[0].id"),
        (#"{"id":"P","commitments":[{"id":"C1","title_en":"x","milestones":[{"id":"C1.M1","status":"done"}]}]}"#, "$.commitments[0].milestones[0].status"),
        (#"{"id":"P","commitments":[{"title_en":"x"}]}"#, "$.commitments[0].id"),
        (#"{"id":"P","commitments":[{"id":"C1","title_en":5}]}"#, "$.commitments[0].title_en"),
        (#"{"id":"P","commitments":[{"id":"C1"}]}"#, "$.commitments[0]"),
        (#"{"id":"P","commitments":[{"id":"C1","title_en":"x","milestones":[{"id":"C1.M1","end":"2023-13-01"}]}]}"#, "$.commitments[0].milestones[0].end"),
    ])
    func faultsNameTheirJSONPath(json: String, path: String) {
        #expect {
            try PlanFile.decode(Data(json.utf8))
        } throws: { error in
            guard let error = error as? BayyinaError else { return false }
            return error.code == .invalidPlan && error.message.contains(path)
        }
    }

    @Test func encodedPlanDecodesToTheSamePlan() throws {
        let plan = try PlanFile.decode(try Data(contentsOf: Fixtures.planFile))
        #expect(try PlanFile.decode(try PlanFile.encode(plan)) == plan)
    }

    @Test func invalidJSONIsAClearError() {
        #expect(throws: BayyinaError.self) { try PlanFile.decode(Data("{not json".utf8)) }
    }
}
