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
        cacheHits = registry.makeCounter(name: "ecouter_cache_hits_total", help: "Article requests answered from the audio cache.")
        cacheMisses = registry.makeCounter(name: "ecouter_cache_misses_total", help: "Article requests that needed a synthesis (or joined one).")
        syntheses = registry.makeCounter(name: "ecouter_syntheses_total", help: "Articles synthesized.")
        rejected = registry.makeCounter(name: "ecouter_queue_rejections_total", help: "Requests refused with 503 because the queue was full.")
        hangUps = registry.makeCounter(name: "ecouter_client_hangups_total", help: "Requests whose client went before its answer was ready.")
        renderingsCancelled = registry.makeCounter(name: "ecouter_renderings_cancelled_total", help: "Renderings stopped because every request waiting for them had gone.")
        streamsCancelled = registry.makeCounter(name: "ecouter_streams_cancelled_total", help: "Speech streams stopped before their end (the client went).")
        streamSentences = registry.makeCounter(name: "ecouter_stream_sentences_total", help: "Sentences synthesized and sent by speech streams.")
        queueLength = registry.makeGauge(name: "ecouter_queue_length", help: "Syntheses waiting for a worker.")
        synthesisSeconds = registry.makeDurationHistogram(
            name: "ecouter_synthesis_seconds", buckets: [.milliseconds(100), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30), .seconds(60)],
            help: "Time to synthesize and encode one article.")
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
