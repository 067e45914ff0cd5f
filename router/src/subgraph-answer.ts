/**
 * A subgraph's HTTP answer as the data source reads it (@apollo/utils.fetcher's FetcherResponse), without building a
 * WHATWG Response and Headers per fetch: the data source only reads the status, the content type and the body.
 *
 * One answer may serve several fetches (identical fetches shared in flight, fetch-dedup.ts): each gets its own
 * response over it, and each its own parsed body, because the gateway merges subgraph data into the client's result
 * in place and two operations must never share those objects.
 */
import { STATUS_CODES } from 'node:http';
import type { Fetcher } from './subgraph-fetch.js';

type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

export interface SubgraphAnswer {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The body as received; absent for one element of a batched answer, which arrives parsed. */
  text?: string;
  /** The parsed body of one element of a batched answer: handed to the first reader, copied for any other. */
  value?: unknown;
  /** Whether `value` has been handed out. */
  taken?: boolean;
}

/** The answer's body parsed, as the reader's own objects (see above). */
export function parsedBody(answer: SubgraphAnswer): unknown {
  if (answer.text !== undefined) return JSON.parse(answer.text);
  if (!answer.taken) {
    answer.taken = true;
    return answer.value;
  }
  return structuredClone(answer.value);
}

class AnswerHeaders implements FetcherHeaders {
  constructor(private readonly map: Record<string, string>) {}
  get(name: string) {
    return this.map[name.toLowerCase()] ?? null;
  }
  has(name: string) {
    return name.toLowerCase() in this.map;
  }
  append(name: string, value: string) {
    this.map[name.toLowerCase()] = value;
  }
  set(name: string, value: string) {
    this.map[name.toLowerCase()] = value;
  }
  delete(name: string) {
    delete this.map[name.toLowerCase()];
  }
  entries() {
    return Object.entries(this.map)[Symbol.iterator]();
  }
  keys() {
    return Object.keys(this.map)[Symbol.iterator]();
  }
  values() {
    return Object.values(this.map)[Symbol.iterator]();
  }
  [Symbol.iterator]() {
    return this.entries();
  }
}

export class AnswerResponse implements FetcherResponse {
  readonly url = '';
  readonly redirected = false;
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: FetcherHeaders;
  bodyUsed = false;

  constructor(private readonly answer: SubgraphAnswer) {
    this.status = answer.status;
    this.ok = answer.status >= 200 && answer.status < 300;
    this.statusText = STATUS_CODES[answer.status] ?? '';
    this.headers = new AnswerHeaders({ ...answer.headers });
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.answer.text ?? JSON.stringify(this.answer.value);
  }

  async json(): Promise<unknown> {
    this.bodyUsed = true;
    return parsedBody(this.answer);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    return new AnswerResponse(this.answer);
  }
}
