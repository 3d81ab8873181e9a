// SPDX-License-Identifier: GPL-3.0-or-later
import Hummingbird
import Prometheus

/// The server's Prometheus metrics, one registry per server (so tests can run several).
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let cacheHits: Counter
    let cacheMisses: Counter
    let syntheses: Counter
    let rejected: Counter
    let queueLength: Gauge
    let hangUps: Counter
    let renderingsCancelled: Counter
    let streamsCancelled: Counter
    let streamSentences: Counter
    let synthesisSeconds: DurationHistogram

    init() {
        cacheHits = registry.makeCounter(descriptor: .init(metricName: "ecouter_cache_hits", unitName: "total", helpText: "Article requests answered from the audio cache."))
        cacheMisses = registry.makeCounter(descriptor: .init(metricName: "ecouter_cache_misses", unitName: "total", helpText: "Article requests that needed a synthesis (or joined one)."))
        syntheses = registry.makeCounter(descriptor: .init(metricName: "ecouter_syntheses", unitName: "total", helpText: "Articles synthesized."))
        rejected = registry.makeCounter(descriptor: .init(metricName: "ecouter_queue_rejections", unitName: "total", helpText: "Requests refused with 503 because the queue was full."))
        hangUps = registry.makeCounter(descriptor: .init(metricName: "ecouter_client_hangups", unitName: "total", helpText: "Requests whose client went before its answer was ready."))
        renderingsCancelled = registry.makeCounter(descriptor: .init(metricName: "ecouter_renderings_cancelled", unitName: "total", helpText: "Renderings stopped because every request waiting for them had gone."))
        streamsCancelled = registry.makeCounter(descriptor: .init(metricName: "ecouter_streams_cancelled", unitName: "total", helpText: "Speech streams stopped before their end (the client went)."))
        streamSentences = registry.makeCounter(descriptor: .init(metricName: "ecouter_stream_sentences", unitName: "total", helpText: "Sentences synthesized and sent by speech streams."))
        queueLength = registry.makeGauge(descriptor: .init(metricName: "ecouter_queue", unitName: "length", helpText: "Syntheses waiting for a worker."))
        synthesisSeconds = registry.makeDurationHistogram(
            descriptor: .init(metricName: "ecouter_synthesis", unitName: "seconds", helpText: "Time to synthesize and encode one article."), buckets: [.milliseconds(100), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30), .seconds(60)])
    }

    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.requestDuration, labels: [("method", method), ("route", route)],
            buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2), .seconds(10), .seconds(60)]
        ).record(duration)
    }

    // Labelled metrics are looked up by descriptor on every request (the registry keeps one per label set).
    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "ecouter_http_requests", unitName: "total", helpText: "HTTP requests answered.")
    }
    private static var requestDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            metricName: "ecouter_http_request_duration", unitName: "seconds",
            helpText: "Time to answer an HTTP request (to its response head for streams).")
    }
}

/// Counts and times every request; the route is the matched pattern, never the raw path (bounded labels).
struct MetricsRecordingMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(method: request.method.rawValue, route: route, status: response.status.code, duration: ContinuousClock.now - start)
        return response
    }
}
