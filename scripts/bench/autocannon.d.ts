/**
 * Types for the part of autocannon (a load generator without type declarations of its own) that
 * the bench uses (./measureFormReceiver.ts): one run with options, its summed result.
 */
declare module 'autocannon' {
  /** One request as autocannon sends it; setupRequest() may change it per request. */
  interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  interface Options {
    url: string;
    connections?: number;
    /** requests in all; the run ends when they are sent */
    amount?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** seconds before a request counts as timed out */
    timeout?: number;
    requests?: (RequestParams & { setupRequest?: (req: RequestParams) => RequestParams })[];
  }

  /** Latency in milliseconds. */
  interface Histogram {
    average: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
  }

  interface Result {
    requests: { sent: number; total: number; average: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    /** seconds */
    duration: number;
    /** answers per HTTP status code */
    statusCodeStats?: Record<string, { count: number }>;
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
