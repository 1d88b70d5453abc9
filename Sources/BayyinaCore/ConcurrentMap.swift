import Dispatch

extension Array where Element: Sendable {
    /// `transform` over the elements on every core, results in element order; for pure CPU work or blocking I/O.
    public func concurrentMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        let slots = ResultSlots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.store(transform(self[index]), at: index) }
        return slots.results
    }
}

/// One slot per element, each written by exactly one iteration of `concurrentPerform` and read after all of them
/// end; the slots live outside any Swift variable, so writes to different slots never contend.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: Result, at index: Int) { slots[index] = result }

    var results: [Result] { slots.map { $0! } }
}
