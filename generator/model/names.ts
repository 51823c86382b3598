/**
 * Names in generated code, derived from spec names.
 */

/** `deviceManagementConfigurationPolicy` → `DeviceManagementConfigurationPolicy`; `x-y_z` → `XYZ`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/** `deviceManagementConfigurationPolicy-id` → `deviceManagementConfigurationPolicyId`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}

/** The unqualified part of a qualified name: `microsoft.graph.entity` → `entity`. */
export function localName(qualified: string): string {
  return qualified.slice(qualified.lastIndexOf(".") + 1);
}

/** The TypeScript name of a model type: `microsoft.graph.groupAssignmentTarget` → `GroupAssignmentTarget`. */
export function typeNameOf(qualified: string): string {
  return pascalCase(localName(qualified));
}

/** The `@odata.type` value of a type: `#microsoft.graph.groupAssignmentTarget`. */
export function odataTypeOf(qualified: string): string {
  return `#${qualified}`;
}

/** A property key as written in TypeScript: identifiers bare, anything else quoted. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}
