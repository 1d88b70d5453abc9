public import BayyinaCore
public import BayyinaIndex
import BayyinaLinking
import Synchronization

/// The last step of ingest: fingerprints the documents it has not seen, grouping versions of one piece of evidence,
/// and proposes their links to the plan. A document stays pending until its results are committed, so a step that
/// fails or is killed is taken up by the next one.
public struct LinkStep: Sendable {
    public let index: IndexDatabase
    /// Documents read and recorded per transaction.
    public let batchSize: Int

    private let weights = WeightCache()

    public init(index: IndexDatabase, batchSize: Int = 256) {
        self.index = index
        self.batchSize = max(1, batchSize)
    }

    /// What a link step works from, taken at one moment: the plan's suggester with the index's title-word weights,
    /// and the newest document. A step run later from it gives what a step run then would have, whatever was
    /// stored meanwhile.
    public struct Snapshot: Sendable {
        fileprivate let suggester: (LinkSuggester, TermWeights)?
        fileprivate let lastDocumentID: Int64
    }

    /// The link step as the index stands now.
    public func snapshot() throws(BayyinaError) -> Snapshot {
        Snapshot(suggester: try suggester(reusingWeights: true), lastDocumentID: try index.lastDocumentID())
    }

    /// Processes every pending document; returns how many.
    @discardableResult
    public func run() throws(BayyinaError) -> Int {
        try run(snapshot())
    }

    /// Processes the pending documents up to the snapshot's newest, with its suggester, on every core or one document
    /// after another on the calling thread; returns how many.
    @discardableResult
    public func run(_ snapshot: Snapshot, onEveryCore: Bool = true) throws(BayyinaError) -> Int {
        let suggester = snapshot.suggester
        let result = { @Sendable (input: LinkStepInput) in
            let terms = TextTerms(input.text)
            return LinkStepResult(documentID: input.documentID, fingerprint: Fingerprinter.fingerprint(terms),
                                  suggestions: suggester.map { $0.0.suggestions(title: TextTerms(input.title), text: terms, weights: $0.1) } ?? [])
        }
        var done = 0
        while true {
            let inputs = try index.linkStepInputs(through: snapshot.lastDocumentID, limit: batchSize)
            guard !inputs.isEmpty else { return done }
            try index.recordLinkStep(onEveryCore ? inputs.concurrentMap(result) : inputs.map(result))
            done += inputs.count
        }
    }

    /// Proposes links anew for every document with the current plan and index weights (after a plan import, or once a
    /// corpus has grown); decided suggestions stay as they are. Returns how many documents were read.
    @discardableResult
    public func refreshSuggestions() throws(BayyinaError) -> Int {
        guard let (suggester, weights) = try suggester() else { return 0 }
        var done = 0
        var last: Int64 = 0
        while true {
            let inputs = try index.linkStepInputs(all: true, after: last, limit: batchSize)
            guard let lastInput = inputs.last else { return done }
            try index.recordLinkStep(inputs.concurrentMap { input in
                LinkStepResult(documentID: input.documentID, fingerprint: nil,
                               suggestions: suggester.suggestions(title: TextTerms(input.title), text: TextTerms(input.text), weights: weights))
            })
            last = lastInput.documentID
            done += inputs.count
        }
    }

    /// The plan's suggester and the weights of its title words; nil while no plan is imported. Ingest reuses the
    /// weights until the corpus has grown or shrunk by a fifth (looking them up reads every posting of every title word).
    private func suggester(reusingWeights: Bool = false) throws(BayyinaError) -> (LinkSuggester, TermWeights)? {
        guard let plan = try index.plan() else { return nil }
        let suggester = LinkSuggester(plan: plan)
        let vocabulary = suggester.vocabulary
        let documents = try index.documentCount()
        if reusingWeights, let cached = weights.weights(for: vocabulary, documents: documents) { return (suggester, cached) }
        let fresh = TermWeights(try index.termWeights(stems: vocabulary))
        weights.store(fresh, vocabulary: vocabulary, documents: documents)
        return (suggester, fresh)
    }
}

/// The title-word weights of the last look-up, with the vocabulary and corpus size they were computed for.
private final class WeightCache: Sendable {
    private let state = Mutex<(vocabulary: Set<String>, documents: Int, weights: TermWeights)?>(nil)

    func weights(for vocabulary: Set<String>, documents: Int) -> TermWeights? {
        state.withLock { cached in
            guard let cached, cached.vocabulary == vocabulary,
                  Double(documents) <= Double(cached.documents) * 1.2, Double(documents) >= Double(cached.documents) * 0.8 else { return nil }
            return cached.weights
        }
    }

    func store(_ weights: TermWeights, vocabulary: Set<String>, documents: Int) {
        state.withLock { $0 = (vocabulary, documents, weights) }
    }
}
