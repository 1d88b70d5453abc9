public import BayyinaCore
import Foundation

/// Proposes links from a document's text to the commitments and milestones of a plan, each with a confidence and
/// the reasons for it.
///
/// Evidence, combined as independent (noisy-or): a commitment or milestone named outright; the share of a title's
/// words the text holds, each word weighed by its bm25 idf in the index (rare words say more); a commitment's short
/// title; its lead agency, weighed by how many commitments name that agency. A milestone's confidence is then
/// scaled by how much the text points at its commitment otherwise, so a title-like phrase of one commitment does not
/// link evidence of another.
public struct LinkSuggester: Sendable {
    /// Suggestions below this are not kept at all.
    public static let floor = 0.05

    private let commitments: [CommitmentProfile]

    public init(plan: Plan) {
        var agencyUse: [String: Int] = [:]
        for commitment in plan.commitments {
            for agency in Set((commitment.leadAgency.map { [$0] } ?? []) + commitment.supportingAgencies).flatMap(Self.agencyPhrases) {
                agencyUse[agency.joined(separator: " "), default: 0] += 1
            }
        }
        commitments = plan.commitments.map { commitment in
            CommitmentProfile(
                id: commitment.id,
                titles: [commitment.title.ar, commitment.title.en].compactMap { $0 }.map(TitleTerms.init),
                shortTitle: commitment.shortTitle.map(TextTerms.words).flatMap { $0.isEmpty ? nil : $0 },
                agencies: commitment.leadAgency.map(Self.agencyPhrases)?.map { ($0, 1.0 / Double(agencyUse[$0.joined(separator: " ")] ?? 1)) } ?? [],
                milestones: commitment.milestones.map { milestone in
                    (milestone.id, [milestone.title.ar, milestone.title.en].compactMap { $0 }.map(TitleTerms.init))
                })
        }
    }

    /// The main stems of every title word: the words whose weights ``suggestions(title:text:weights:)`` needs.
    public var vocabulary: Set<String> {
        Set(commitments.flatMap { profile in (profile.titles + profile.milestones.flatMap(\.titles)).flatMap(\.mainStems) })
    }

    /// Suggestions above ``floor``, surest first. `title` is the document's title, `text` all of its text (title
    /// included); `weights` maps a main stem to its idf.
    public func suggestions(title: TextTerms, text: TextTerms, weights: TermWeights) -> [LinkSuggestion] {
        let mentions = ExplicitMentions.find(in: text.words)
        let named = Set(mentions.compactMap { mention -> CommitmentID? in
            if case .commitment(let id) = mention.target { return id } else { return nil }
        })
        let planWide = named.count != 1 && Self.speaksOfWholePlan(text)
        var result: [LinkSuggestion] = []
        for profile in commitments {
            var direct = Evidence()
            for mention in mentions where mention.target == .commitment(profile.id) {
                direct.add(direct.isEmpty ? 0.9 : 0.5, en: "names “\(mention.phrase)”", ar: "يذكر «\(mention.phrase)»")
            }
            for mention in mentions where !mention.notStarted && mention.target.commitment == profile.id && mention.target != .commitment(profile.id) {
                direct.add(0.85, en: "names milestone \(mention.target)", ar: "يذكر النشاط \(mention.target)")
            }
            if let best = Self.bestMatch(profile.titles, title: title, text: text, weights: weights) {
                direct.add(Self.calibrated(best.share, center: 0.65), en: Self.shareReason(best, en: true), ar: Self.shareReason(best, en: false))
            }
            if let short = profile.shortTitle, text.contains(phrase: short) {
                direct.add(0.35, en: "names “\(short.joined(separator: " "))”", ar: "يذكر «\(short.joined(separator: " "))»")
            }
            for (agency, specificity) in profile.agencies where text.contains(phrase: agency) {
                let name = agency.joined(separator: " ")
                direct.add(0.45 * specificity, en: "names the lead agency “\(name)”", ar: "يذكر الجهة القائدة «\(name)»")
            }
            if planWide {
                direct.add(0.55, en: "speaks of the plan’s commitments as a whole", ar: "يتناول التزامات الخطة مجتمعة")
            }
            let milestoneSuggestions = milestones(of: profile, mentions: mentions, support: direct.confidence, title: title, text: text, weights: weights)
            var commitmentEvidence = direct
            if let best = milestoneSuggestions.max(by: { $0.confidence < $1.confidence }) {
                commitmentEvidence.add(best.confidence, en: "its milestone \(best.target) matches", ar: "يطابق نشاطه \(best.target)")
            }
            if commitmentEvidence.confidence >= Self.floor {
                result.append(LinkSuggestion(target: .commitment(profile.id), confidence: commitmentEvidence.confidence, reason: commitmentEvidence.reason))
            }
            result += milestoneSuggestions
        }
        return result.sorted { ($0.confidence, $1.target) > ($1.confidence, $0.target) }
    }

    /// The milestones of one commitment: named outright, or matched by title. Of the title matches, the best of the
    /// commitment leads and the others fade with their distance from it, since one document is rarely evidence of
    /// many milestones unless it names them; all are scaled by `support`, the text's other evidence for the commitment.
    private func milestones(
        of profile: CommitmentProfile, mentions: [ExplicitMention], support: Double, title: TextTerms, text: TextTerms, weights: TermWeights
    ) -> [LinkSuggestion] {
        let matches = profile.milestones.map { Self.bestMatch($0.titles, title: title, text: text, weights: weights) }
        let top = matches.compactMap { $0?.share }.max() ?? 0
        var result: [LinkSuggestion] = []
        for ((id, _), match) in zip(profile.milestones, matches) {
            var evidence = Evidence()
            let named = mentions.filter { $0.target == .milestone(id) }
            for mention in named where !mention.notStarted {
                evidence.add(0.9, en: "names “\(mention.phrase)”", ar: "يذكر «\(mention.phrase)»")
            }
            if let match {
                let lead = exp(-(top - match.share) / 0.08)
                evidence.add(Self.calibrated(match.share, center: 0.5) * lead, en: Self.shareReason(match, en: true), ar: Self.shareReason(match, en: false))
            }
            var confidence = evidence.confidence * (0.4 + 0.6 * support)
            var reason = evidence.reason
            // Reported as not started: the text is no evidence of it, whatever else it shares with the title.
            if named.contains(where: \.notStarted), !named.contains(where: { !$0.notStarted }) {
                confidence = min(confidence, 0.1)
                reason = LocalizedText(ar: "يذكر \(id) ويصفه بأنه لم يبدأ", en: "names \(id) but reports it not started")
            }
            if confidence >= Self.floor {
                result.append(LinkSuggestion(target: .milestone(id), confidence: confidence, reason: reason))
            }
        }
        return result
    }

    /// The title of several (Arabic, English) that the document matches best: its weighed share of the title's words in
    /// the whole text and in the document's own title, the latter counting for two fifths.
    private static func bestMatch(
        _ titles: [TitleTerms], title: TextTerms, text: TextTerms, weights: TermWeights
    ) -> (share: Double, matched: [String])? {
        titles.map { terms in
            let inText = terms.coverage(in: text, weights: weights)
            let inTitle = terms.coverage(in: title, weights: weights)
            return (0.6 * inText.share + 0.4 * inTitle.share, inText.matched)
        }.max { $0.share < $1.share }
    }

    /// Whether the text speaks of the plan's commitments together: the plural, or the forum that follows the whole plan.
    private static func speaksOfWholePlan(_ text: TextTerms) -> Bool {
        ["الالتزامات", "التزامات", "commitments"].contains(where: text.contains(word:))
            || text.contains(phrase: ["فريق", "العمل", "الوطني"]) || text.contains(phrase: ["multi", "stakeholder", "forum"])
            || text.contains(phrase: ["multistakeholder", "forum"])
    }

    /// Maps a weighed title share to a probability: even at `center`, near certain a quarter above it.
    static func calibrated(_ share: Double, center: Double) -> Double {
        share <= 0 ? 0 : 1 / (1 + exp(-12 * (share - center)))
    }

    private static func shareReason(_ coverage: (share: Double, matched: [String]), en: Bool) -> String {
        let percent = Int((coverage.share * 100).rounded())
        let words = coverage.matched.prefix(6).joined(separator: en ? ", " : "، ")
        return en ? "holds \(percent)% of the title’s weighed words (\(words))" : "يتضمن \(percent)٪ من كلمات العنوان الموزونة (\(words))"
    }

    /// An agency's name in words, and each part of a compound name ("وزارة التنمية الاجتماعية - سجل الجمعيات").
    private static func agencyPhrases(_ agency: LocalizedText) -> [[String]] {
        [agency.ar, agency.en].compactMap { $0 }.flatMap { name in
            ([name] + (name.contains(" - ") ? name.components(separatedBy: " - ") : [])).map(TextTerms.words)
        }.filter { $0.count >= 2 }
    }
}

/// What the suggester knows of one commitment.
private struct CommitmentProfile: Sendable {
    let id: CommitmentID
    let titles: [TitleTerms]
    let shortTitle: [String]?
    let agencies: [(phrase: [String], specificity: Double)]
    let milestones: [(id: MilestoneID, titles: [TitleTerms])]
}

/// Independent pieces of evidence for one target, combined by noisy-or, with the reasons of the strongest.
private struct Evidence {
    private var items: [(probability: Double, en: String, ar: String)] = []

    var isEmpty: Bool { items.isEmpty }

    /// Adds a piece of evidence; its reasons are written only when it counts.
    mutating func add(_ probability: Double, en: @autoclosure () -> String, ar: @autoclosure () -> String) {
        if probability >= 0.02 { items.append((min(probability, 0.99), en(), ar())) }
    }

    var confidence: Double { 1 - items.reduce(1) { $0 * (1 - $1.probability) } }

    /// The two strongest different reasons.
    var reason: LocalizedText {
        var seen = Set<String>()
        let strongest = items.sorted { $0.probability > $1.probability }.filter { seen.insert($0.en).inserted }.prefix(2)
        return LocalizedText(ar: strongest.map(\.ar).joined(separator: "؛ "), en: strongest.map(\.en).joined(separator: "; "))
    }
}
