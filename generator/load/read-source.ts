/**
 * Reads a spec source, a file path or an http(s) URL, as text. A name ending in `.br` is a
 * brotli-compressed file (how Microsoft's full descriptions are kept in spec/graph-modules/): it is
 * decompressed here, so every later stage, and the hash in the manifest, sees the original text.
 */
import { readFile } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
import { brotliDecompressSync } from "node:zlib";

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** `x.yml.br`, also as a URL with a query or fragment. */
export function isBrotli(source: string): boolean {
  return /\.br$/i.test(source.replace(/[?#].*$/, ""));
}

export interface ReadSourceOptions {
  /** Download deadline in milliseconds (default: GRAPHSLICE_DOWNLOAD_TIMEOUT_MS, else 60 s). */
  timeoutMs?: number;
  /** The most a download, or a decompressed file, may hold, in bytes (default: GRAPHSLICE_DOWNLOAD_MAX_BYTES, else 512 MiB). */
  maxBytes?: number;
}

export async function readSource(source: string, what: string, options: ReadSourceOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? downloadMaxBytes();
  const { bytes, decoded } = await readBytes(source, what, options, maxBytes);
  if (!isBrotli(source) || decoded) return utf8Text(bytes, source, what);
  let text: Buffer;
  try {
    text = brotliDecompressSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(source, what, maxBytes);
    throw new Error(`${source}: cannot decompress the ${what} (a .br name means brotli): ${(error as Error).message}`);
  }
  return utf8Text(text, source, what);
}

/**
 * The text of `bytes`, which must be UTF-8 (a byte-order mark is kept, as it is): anything else would
 * be read with U+FFFD in place of what it held, changing names and enum members without a word.
 */
function utf8Text(bytes: Buffer, source: string, what: string): string {
  if (isUtf8(bytes)) return bytes.toString("utf8");
  // A newline byte is never part of a longer UTF-8 sequence: the first bad line is the first line that is not UTF-8.
  let line = 1;
  for (let start = 0; start <= bytes.length; line++) {
    const end = bytes.indexOf(10, start);
    if (!isUtf8(bytes.subarray(start, end < 0 ? bytes.length : end))) break;
    if (end < 0) break;
    start = end + 1;
  }
  throw new Error(`${source}: the ${what} is not valid UTF-8 (line ${line}); save it as UTF-8`);
}

/** The most a download (or a decompressed file) may hold: 512 MiB, about the longest string Node can make, or GRAPHSLICE_DOWNLOAD_MAX_BYTES. */
export const DEFAULT_DOWNLOAD_MAX_BYTES = 512 * 1024 * 1024;

export function downloadMaxBytes(): number {
  return positiveFromEnv("GRAPHSLICE_DOWNLOAD_MAX_BYTES", DEFAULT_DOWNLOAD_MAX_BYTES, "bytes");
}

function tooLarge(source: string, what: string, maxBytes: number): Error {
  return new Error(`${source}: the ${what} is larger than ${maxBytes} bytes (GRAPHSLICE_DOWNLOAD_MAX_BYTES); not read`);
}

/** How long a download may take, headers and body, before it is given up: 60 s, or GRAPHSLICE_DOWNLOAD_TIMEOUT_MS. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 60_000;

export function downloadTimeoutMs(): number {
  return positiveFromEnv("GRAPHSLICE_DOWNLOAD_TIMEOUT_MS", DEFAULT_DOWNLOAD_TIMEOUT_MS, "milliseconds");
}

/** The whole number of `unit` the environment variable `name` sets, or `fallback` when it is unset or empty. */
function positiveFromEnv(name: string, fallback: number, unit: string): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number of ${unit}, got "${raw}"`);
  return value;
}

/** The raw bytes; `decoded` when HTTP already undid a brotli `Content-Encoding` on the way. */
async function readBytes(source: string, what: string, options: ReadSourceOptions, maxBytes: number): Promise<{ bytes: Buffer; decoded: boolean }> {
  if (isUrl(source)) return download(source, what, options.timeoutMs ?? downloadTimeoutMs(), maxBytes);
  try {
    return { bytes: await readFile(source), decoded: false };
  } catch (error) {
    throw new Error(`${source}: cannot read the ${what}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
}

async function download(source: string, what: string, ms: number, maxBytes: number): Promise<{ bytes: Buffer; decoded: boolean }> {
  const signal = AbortSignal.timeout(ms); // one deadline for the headers and the whole body
  const failed = (error: unknown, stage: "download" | "body"): Error => {
    if (signal.aborted || (error as Error).name === "TimeoutError") return new Error(`${source}: no complete answer within ${seconds(ms)} while downloading the ${what} (the server is slow or does not answer)`);
    const cause = (error as { cause?: { message?: unknown } }).cause;
    const why = typeof cause?.message === "string" ? cause.message : (error as Error).message;
    if (/redirect count exceeded/i.test(why)) return new Error(`${source}: cannot download the ${what}: too many redirects (a redirect loop?)`);
    if (stage === "body") return new Error(`${source}: the download of the ${what} was cut off before its end (${why})`);
    return new Error(`${source}: cannot download the ${what}: ${why}`);
  };
  let response: Response;
  try {
    response = await fetch(source, { signal });
  } catch (error) {
    throw failed(error, "download");
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`${source}: HTTP ${response.status} while downloading the ${what}`);
  }
  const decoded = /\bbr\b/i.test(response.headers.get("content-encoding") ?? "");
  let bytes: Buffer;
  try {
    bytes = await readAtMost(response, maxBytes);
  } catch (error) {
    if (error === TOO_LARGE) throw tooLarge(source, what, maxBytes);
    throw failed(error, "body");
  }
  const type = response.headers.get("content-type") ?? "";
  if (/^\s*text\/html\b/i.test(type) || looksLikeHtml(bytes)) throw new Error(`${source} answered an HTML page, not ${withArticle(what)} (a sign-in or error page? check the URL)`);
  return { bytes, decoded };
}

const TOO_LARGE = new Error("too large");

/** The body, as decoded (a gzip or brotli encoding undone), read until it ends or passes `maxBytes` (then TOO_LARGE, and the rest is not read). */
async function readAtMost(response: Response, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw TOO_LARGE;
    }
    chunks.push(value);
  }
}

/** `<!doctype html` or `<html` first: a web page, not YAML, JSON, XML or brotli. */
function looksLikeHtml(bytes: Buffer): boolean {
  return /^(\uFEFF)?\s*(<!doctype html|<html[\s>])/i.test(bytes.subarray(0, 512).toString("latin1"));
}

function withArticle(what: string): string {
  return `${/^[aeiou]/i.test(what) ? "an" : "a"} ${what}`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
