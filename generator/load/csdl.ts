/**
 * Load stage, CSDL half: read an OData CSDL XML document ($metadata) with fast-xml-parser into a
 * small typed structure, every Schema of the document (Graph's v1.0 CSDL has 11 namespaces). Names are
 * returned fully qualified: `graph.x` → `microsoft.graph.x`, `self.alert` → `microsoft.graph.security.alert`,
 * through the aliases of every schema, whichever schema a reference is in. Only what the model needs
 * is kept: enum, entity and complex types with their properties, actions and functions, and
 * vocabulary annotations (inline and out-of-line).
 */
import type * as FastXmlParser from "fast-xml-parser";
import { requireCjs } from "../util/require-cjs.js";
import { readSource } from "./read-source.js";

const { XMLParser, XMLValidator } = requireCjs("fast-xml-parser") as typeof FastXmlParser;

export interface CsdlAnnotation {
  term: string;
  string?: string;
  bool?: boolean;
  enumMember?: string;
}

export interface CsdlProperty {
  name: string;
  /** Qualified type, e.g. `Edm.String`, `Collection(microsoft.graph.x)`. */
  type: string;
  nullable: boolean;
  navigation: boolean;
  annotations: CsdlAnnotation[];
}

export interface CsdlStructuredType {
  kind: "entity" | "complex";
  name: string;
  baseType?: string;
  abstract: boolean;
  properties: CsdlProperty[];
  annotations: CsdlAnnotation[];
}

export interface CsdlEnumType {
  name: string;
  flags: boolean;
  members: string[];
  annotations: CsdlAnnotation[];
}

export interface CsdlAction {
  name: string;
  bindingType?: string;
  parameters: { name: string; type: string; nullable: boolean }[];
  returnType?: string;
}

export interface CsdlDocument {
  source: string;
  structuredTypes: Map<string, CsdlStructuredType>;
  enumTypes: Map<string, CsdlEnumType>;
  /** Every Action of every schema; one entry per overload. */
  actions: CsdlAction[];
  /** Every Function of every schema; one entry per overload. */
  functions: CsdlAction[];
  /** Out-of-line `<Annotations Target="...">` blocks, by qualified target (`microsoft.graph.x/prop`). */
  annotations: Map<string, CsdlAnnotation[]>;
  /** The document's Schema namespaces, in document order. */
  namespaces: string[];
  /** Every alias (of a Schema or an `edmx:Include`) and the namespace it stands for. */
  aliases: Map<string, string>;
}

const LIST_ELEMENTS = new Set([
  "Schema", "EnumType", "Member", "EntityType", "ComplexType", "Property", "NavigationProperty", "Action", "Function", "Parameter",
  "Annotations", "Annotation", "PropertyRef", "Reference", "Include",
]);

type XmlNode = Record<string, unknown>;

export async function loadCsdl(source: string, text?: string): Promise<CsdlDocument> {
  const xml = text ?? (await readSource(source, "CSDL document"));
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${source}:${valid.err.line}:${valid.err.col}: not well-formed XML: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    parseAttributeValue: false,
    isArray: (name) => LIST_ELEMENTS.has(name),
  });
  const root = parser.parse(xml) as XmlNode;
  const edmx = root.Edmx as XmlNode | undefined;
  const schemas = list((edmx?.DataServices as XmlNode | undefined)?.Schema);
  if (!schemas.length) throw new Error(`${source}: no edmx:Edmx/edmx:DataServices/Schema element; is this a CSDL document?`);

  // Aliases are document-wide: a type in one schema may name another schema's type by its alias
  // (`graph.entity` from microsoft.graph.security), so all of them are known before any is read.
  const includes = list(edmx?.Reference).flatMap((r) => list(r.Include));
  const aliases = new Map<string, string>();
  for (const node of [...schemas, ...includes]) {
    if (!node.Alias) continue;
    const alias = String(node.Alias);
    const namespace = String(node.Namespace);
    const earlier = aliases.get(alias);
    if (earlier !== undefined && earlier !== namespace) throw new Error(`${source}: alias "${alias}" stands for both ${earlier} and ${namespace}`);
    aliases.set(alias, namespace);
  }
  const doc: CsdlDocument = {
    source,
    structuredTypes: new Map(),
    enumTypes: new Map(),
    actions: [],
    functions: [],
    annotations: new Map(),
    namespaces: [...new Set(schemas.map((s) => String(s.Namespace)))],
    aliases,
  };
  const qualify = (name: string) => qualifyName(name, aliases);
  for (const schema of schemas) readSchema(doc, schema, qualify);
  return doc;
}

function readSchema(doc: CsdlDocument, schema: XmlNode, qualify: (name: string) => string): void {
  const namespace = String(schema.Namespace);
  const define = <T>(map: Map<string, T>, local: unknown, value: (name: string) => T) => {
    const name = `${namespace}.${String(local)}`;
    if (doc.structuredTypes.has(name) || doc.enumTypes.has(name)) throw new Error(`${doc.source}: ${name} is defined twice`);
    map.set(name, value(name));
  };

  for (const e of list(schema.EnumType)) {
    define(doc.enumTypes, e.Name, (name) => ({ name, flags: e.IsFlags === "true", members: list(e.Member).map((m) => String(m.Name)), annotations: annotationsOf(e, qualify) }));
  }
  for (const [kind, nodes] of [["entity", schema.EntityType], ["complex", schema.ComplexType]] as const) {
    for (const t of list(nodes)) {
      const properties = [
        ...list(t.Property).map((p) => readProperty(p, false, qualify)),
        ...list(t.NavigationProperty).map((p) => readProperty(p, true, qualify)),
      ];
      define(doc.structuredTypes, t.Name, (name) => ({
        kind,
        name,
        baseType: t.BaseType ? qualify(String(t.BaseType)) : undefined,
        abstract: t.Abstract === "true",
        properties,
        annotations: annotationsOf(t, qualify),
      }));
    }
  }
  for (const [target, nodes] of [[doc.actions, schema.Action], [doc.functions, schema.Function]] as const) {
    for (const a of list(nodes)) {
      const parameters = list(a.Parameter).map((p) => ({ name: String(p.Name), type: qualify(String(p.Type)), nullable: p.Nullable !== "false" }));
      const bound = a.IsBound === "true";
      const returnType = (a.ReturnType as XmlNode | undefined)?.Type;
      target.push({
        name: `${namespace}.${a.Name}`,
        bindingType: bound ? parameters[0]?.type : undefined,
        parameters: bound ? parameters.slice(1) : parameters,
        returnType: returnType ? qualify(String(returnType)) : undefined,
      });
    }
  }
  for (const block of list(schema.Annotations)) {
    const target = qualifyTarget(String(block.Target), qualify);
    doc.annotations.set(target, [...(doc.annotations.get(target) ?? []), ...annotationsOf(block, qualify)]);
  }
}

function readProperty(p: XmlNode, navigation: boolean, qualify: (name: string) => string): CsdlProperty {
  return {
    name: String(p.Name),
    type: qualify(String(p.Type)),
    // CSDL default: nullable unless Nullable="false" (navigation collections are never null).
    nullable: p.Nullable !== "false" && !(navigation && String(p.Type).startsWith("Collection(")),
    navigation,
    annotations: annotationsOf(p, qualify),
  };
}

function annotationsOf(node: XmlNode, qualify: (name: string) => string): CsdlAnnotation[] {
  return list(node.Annotation).map((a) => ({
    term: qualify(String(a.Term)),
    string: a.String === undefined ? undefined : String(a.String),
    bool: a.Bool === undefined ? undefined : a.Bool === "true",
    enumMember: a.EnumMember === undefined ? undefined : String(a.EnumMember),
  }));
}

/**
 * `graph.x` → `microsoft.graph.x` when `graph` is an alias of `microsoft.graph`;
 * `Collection(self.x)` → `Collection(microsoft.graph.security.x)`; `Edm.*` and names already
 * qualified by their namespace are unchanged. An alias has no dot, so it is all of the name's
 * namespace part.
 */
export function qualifyName(name: string, aliases: ReadonlyMap<string, string>): string {
  const collection = /^Collection\((.*)\)$/.exec(name);
  if (collection) return `Collection(${qualifyName(collection[1]!, aliases)})`;
  const dot = name.lastIndexOf(".");
  const namespace = dot > 0 ? aliases.get(name.slice(0, dot)) : undefined;
  return namespace === undefined ? name : `${namespace}${name.slice(dot)}`;
}

/**
 * An annotation target: `graph.user/displayName`, `graph.GraphService/users`, or an operation
 * overload `graph.assign(graph.deviceConfiguration, Collection(graph.x))`; every name in it qualified.
 */
export function qualifyTarget(target: string, qualify: (name: string) => string): string {
  const [head = "", ...rest] = target.split("/");
  const overload = /^([^(]+)\((.*)\)$/.exec(head);
  const qualifiedHead = overload
    ? `${qualify(overload[1]!)}(${overload[2]!.split(",").map((p) => qualify(p.trim())).join(", ")})`
    : qualify(head);
  return [qualifiedHead, ...rest.map((segment) => (segment.includes(".") ? qualify(segment) : segment))].join("/");
}

function list(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as XmlNode[];
}
