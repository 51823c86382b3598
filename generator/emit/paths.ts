/**
 * Emits `paths.ts`: openapi-typescript's `paths`/`operations`/`components` types for the slice, for
 * the low-level openapi-fetch client. Every schema the model has a type for is replaced by that type
 * (through openapi-typescript's `transform`), so both clients share one set of models and the
 * low-level client accepts the documented bodies too. `additionalProperties` is removed from the
 * copy handed to openapi-typescript (the models express Graph's openness; see templates/types.ts):
 * left in, it becomes `[key: string]: Record<string, never>` and rejects `"@odata.type"`.
 * Request bodies are typed `RequestBody<Model>`, as in the request builders, so `@odata.type` may be
 * written without its `#` there too.
 */
import type * as OpenApiTypeScript from "openapi-typescript";
import type * as TypeScript from "typescript";
import type { OpenAPIV3 } from "openapi-types";
import type { ApiModel, ResourceNode } from "../model/ir.js";
import type { SlicedOpenApi } from "../slice/select-paths.js";
import { requireCjs } from "../util/require-cjs.js";
import { printStatements } from "./print.js";

const ts = requireCjs("typescript") as typeof TypeScript;
const { default: openapiTS, astToString } = requireCjs("openapi-typescript") as { default: typeof OpenApiTypeScript.default; astToString: typeof OpenApiTypeScript.astToString };

const BODY_MARKER = "x-graphslice-request-body";

export async function emitPathsFile(model: ApiModel, sliced: SlicedOpenApi, header: string): Promise<string> {
  const document = markRequestBodies(withoutAdditionalProperties(structuredClone(sliced.document)), model);
  const ast = await openapiTS(document as never, {
    silent: true,
    transform(schema, { path }) {
      const body = (schema as Record<string, unknown>)[BODY_MARKER];
      if (typeof body === "string") return ts.factory.createTypeReferenceNode("RequestBody", [ts.factory.createTypeReferenceNode(`Models.${body}`)]);
      const target = path ? model.schemaPointers.get(path) : undefined;
      if (!target) return undefined;
      const tsName = model.types.get(target.name)?.tsName;
      if (!tsName) return undefined;
      const node = ts.factory.createTypeReferenceNode(`Models.${tsName}`);
      return target.page ? ts.factory.createTypeReferenceNode("Page", [node]) : node;
    },
  });
  return printStatements(header, [
    'import type * as Models from "./models.js";',
    'import type { Page, RequestBody } from "../runtime/types.js";',
    astToString(ast),
  ]);
}

/** Replaces each JSON request body schema with a marker naming its model type, for `transform` to find. */
function markRequestBodies(document: SlicedOpenApi["document"], model: ApiModel): SlicedOpenApi["document"] {
  const visit = (node: ResourceNode): void => {
    for (const op of node.operations) {
      const body = op.body?.type.kind === "named" ? model.types.get(op.body.type.name) : undefined;
      const operation = (document.paths[op.path] as Record<string, OpenAPIV3.OperationObject>)[op.method.toLowerCase()];
      const content = (operation?.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content?.["application/json"];
      // openapi-typescript only calls `transform` for schemas with a `type`.
      if (body && content) content.schema = { type: "object", [BODY_MARKER]: body.tsName } as OpenAPIV3.SchemaObject;
    }
    node.children.forEach(visit);
  };
  visit(model.root);
  return document;
}

function withoutAdditionalProperties<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(withoutAdditionalProperties);
  else if (typeof node === "object" && node !== null) {
    delete (node as Record<string, unknown>).additionalProperties;
    Object.values(node).forEach(withoutAdditionalProperties);
  }
  return node;
}
