/**
 * Naming stage: how spec names become TypeScript identifiers, before collisions are resolved
 * (see plan-names.ts for the rules that make them unique).
 */

/** `deviceManagementConfigurationPolicy` → `DeviceManagementConfigurationPolicy`; `x-y_z` → `XYZ`. */
export function pascalCase(name: string): string {
  const pascal = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
  return /^[0-9]/.test(pascal) ? `_${pascal}` : pascal;
}

/** `deviceManagementConfigurationPolicy-id` → `deviceManagementConfigurationPolicyId`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  if (pascal === "") return "_";
  return pascal.startsWith("_") ? pascal : pascal[0]!.toLowerCase() + pascal.slice(1);
}

const DEFAULT_NAMESPACE = "microsoft.graph.";

/**
 * The TypeScript name of a qualified OData name. `microsoft.graph.x` → `X` (the names every shipped
 * SDK has); any other namespace joins its segments after `microsoft.graph`:
 * `microsoft.graph.security.alert` → `SecurityAlert`, `microsoft.graph.termStore.group` → `TermStoreGroup`.
 */
export function typeIdentifier(qualified: string): string {
  const relative = qualified.startsWith(DEFAULT_NAMESPACE) ? qualified.slice(DEFAULT_NAMESPACE.length) : qualified;
  return relative.split(".").map(pascalCase).join("");
}

/** A property key as written in TypeScript: identifiers bare, anything else quoted. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Words a parameter or variable may not be called (ECMAScript reserved words and strict-mode ones). */
export const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await arguments eval"
  ).split(" "),
);

/** A parameter name: camel case, never a reserved word. */
export function parameterIdentifier(wireName: string): string {
  const name = camelCase(wireName);
  return RESERVED_WORDS.has(name) ? `${name}Value` : name;
}
