// Entry point of the TLS probe engine (issue #3): what the PEC server accepts, and whether the
// mail clients PEC users run could talk to it. Plain Node (no Electron), Node ≥ 16.17.
export { probeEndpoint, probeEndpoints } from './probe';
export { parseEndpointUrl, endpointUrl, EndpointUrlError } from './url';
export { CLIENT_PROFILES } from './client-profiles';
export type { Endpoint, EndpointResult, ProbeOptions, ProbeVerdict, StepResult, Simulation, CertificateInfo } from './types';
