/**
 * Compiled snippet for docs/observability.md, "Langfuse / OTLP": the OpenTelemetry Node SDK with an OTLP trace
 * exporter, started before the server (`@opentelemetry/sdk-node` and the exporter are the host's dependencies).
 */

// #region otel-preload
// otel.ts (compiled to otel.js) — loaded with `node --import ./otel.js dist/main.js`
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';

const sdk = new NodeSDK({ traceExporter: new OTLPTraceExporter() }); // reads OTEL_EXPORTER_OTLP_* variables
sdk.start();
process.once('SIGTERM', () => void sdk.shutdown()); // flushes the last spans
// #endregion otel-preload
