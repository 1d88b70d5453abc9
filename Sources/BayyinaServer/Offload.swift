import Dispatch

/// Runs blocking work (SQLite queries that take milliseconds) on a dispatch queue instead of Swift's cooperative
/// threads, which are as many as the cores: a burst of searches then cannot hold up every other request.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
