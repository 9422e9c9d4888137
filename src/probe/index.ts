// Entry point of the TLS probe engine (issue #3). Placeholder until the engine lands.
import type { Endpoint, EndpointResult, ProbeOptions } from './types';

export async function probeEndpoint(endpoint: Endpoint, _options: ProbeOptions = {}): Promise<EndpointResult> {
  throw new Error(`probe engine not built yet (${endpoint.host})`);
}
