import Foundation

/// A figure of a benchmark's JSON output.
enum Figure {
    case int(Int)
    case number(Double)
    case texts([String])
}

enum BenchmarkOutput {
    /// Prints the figures as one JSON object, keys sorted.
    static func print(_ figures: [String: Figure]) {
        let values: [String: Any] = figures.mapValues { figure -> Any in
            switch figure {
            case .int(let value): value
            case .number(let value): (value * 1000).rounded() / 1000
            case .texts(let values): values
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])) ?? Data("{}".utf8)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
