/**
 * Reads a spec source, a file path or an http(s) URL, as text. A name ending in `.br` is a
 * brotli-compressed file (how Microsoft's full descriptions are kept in spec/graph-modules/): it is
 * decompressed here, so every later stage, and the hash in the manifest, sees the original text.
 */
import { readFile } from "node:fs/promises";
import { brotliDecompressSync } from "node:zlib";

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** `x.yml.br`, also as a URL with a query or fragment. */
export function isBrotli(source: string): boolean {
  return /\.br$/i.test(source.replace(/[?#].*$/, ""));
}

export async function readSource(source: string, what: string): Promise<string> {
  const { bytes, decoded } = await readBytes(source, what);
  if (!isBrotli(source) || decoded) return bytes.toString("utf8");
  try {
    return brotliDecompressSync(bytes).toString("utf8");
  } catch (error) {
    throw new Error(`${source}: cannot decompress the ${what} (a .br name means brotli): ${(error as Error).message}`);
  }
}

/** The raw bytes; `decoded` when HTTP already undid a brotli `Content-Encoding` on the way. */
async function readBytes(source: string, what: string): Promise<{ bytes: Buffer; decoded: boolean }> {
  if (isUrl(source)) {
    let response: Response;
    try {
      response = await fetch(source);
    } catch (error) {
      throw new Error(`${source}: cannot download the ${what}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status} while downloading the ${what}`);
    const decoded = /\bbr\b/i.test(response.headers.get("content-encoding") ?? "");
    return { bytes: Buffer.from(await response.arrayBuffer()), decoded };
  }
  try {
    return { bytes: await readFile(source), decoded: false };
  } catch (error) {
    throw new Error(`${source}: cannot read the ${what}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
}
