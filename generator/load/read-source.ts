/**
 * Reads a spec source, a file path or an http(s) URL, as text.
 */
import { readFile } from "node:fs/promises";

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function readSource(source: string, what: string): Promise<string> {
  if (isUrl(source)) {
    let response: Response;
    try {
      response = await fetch(source);
    } catch (error) {
      throw new Error(`${source}: cannot download the ${what}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status} while downloading the ${what}`);
    return response.text();
  }
  try {
    return await readFile(source, "utf8");
  } catch (error) {
    throw new Error(`${source}: cannot read the ${what}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
}
