/**
 * How the low-level openapi-fetch client writes paths and bodies: the same way the request builders
 * do. openapi-fetch's own path serializer leaves `.` unencoded, so an id `..` or `.` (or an empty
 * one) would be resolved as a dot segment and reach another resource (`…/assignments/..` is the
 * policy itself); its body serializer sends NaN as null and drops functions. Both are refused here,
 * before anything is sent, with the error the typed client gives.
 */
import { GraphError } from "./errors.js";
import { serializeODataJson } from "./odata-type.js";
import { encodeKey } from "./url.js";

/** Replaces each `{name}` in `pathname` with its value, encoded as one key segment. */
export function serializeLowLevelPath(pathname: string, params: Record<string, unknown>): string {
  return pathname.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    // A number key is sent as its digits; anything else must already be a string.
    return encodeKey((typeof value === "number" && Number.isFinite(value) ? String(value) : value) as string, name);
  });
}

/** The request body as JSON (`@odata.type` with its `#`), or an `invalidRequestBody` GraphError. */
export function serializeLowLevelBody(body: unknown): string {
  try {
    return serializeODataJson(body, "body");
  } catch (error) {
    const { message, path } = error as Error & { path?: string };
    throw new GraphError({ status: 0, code: "invalidRequestBody", target: path ?? "body", message: `not sent: ${path ? message : `body: ${message}`}` });
  }
}
