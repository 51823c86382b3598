/**
 * Load stage, CSDL half: read an OData CSDL XML document ($metadata) with fast-xml-parser into a
 * small typed structure. Type references are returned fully qualified (`graph.x` → `microsoft.graph.x`
 * through the schema alias). Only what the model needs is kept: enum, entity and complex types with
 * their properties, bound actions, and Core vocabulary annotations (inline and out-of-line).
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
  actions: CsdlAction[];
  /** Out-of-line `<Annotations Target="...">` blocks, by qualified target (`microsoft.graph.x/prop`). */
  annotations: Map<string, CsdlAnnotation[]>;
}

const LIST_ELEMENTS = new Set(["Schema", "EnumType", "Member", "EntityType", "ComplexType", "Property", "NavigationProperty", "Action", "Function", "Parameter", "Annotations", "Annotation", "PropertyRef"]);

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
  const schemas = ((root.Edmx as XmlNode | undefined)?.DataServices as XmlNode | undefined)?.Schema as XmlNode[] | undefined;
  if (!schemas?.length) throw new Error(`${source}: no edmx:Edmx/edmx:DataServices/Schema element; is this a CSDL document?`);

  const doc: CsdlDocument = { source, structuredTypes: new Map(), enumTypes: new Map(), actions: [], annotations: new Map() };
  for (const schema of schemas) readSchema(doc, schema);
  return doc;
}

function readSchema(doc: CsdlDocument, schema: XmlNode): void {
  const namespace = String(schema.Namespace);
  const alias = schema.Alias ? String(schema.Alias) : undefined;
  const qualify = (name: string) => qualifyType(name, namespace, alias);

  for (const e of list(schema.EnumType)) {
    const name = `${namespace}.${e.Name}`;
    doc.enumTypes.set(name, { name, flags: e.IsFlags === "true", members: list(e.Member).map((m) => String(m.Name)), annotations: annotationsOf(e) });
  }
  for (const [kind, nodes] of [["entity", schema.EntityType], ["complex", schema.ComplexType]] as const) {
    for (const t of list(nodes)) {
      const name = `${namespace}.${t.Name}`;
      const properties = [
        ...list(t.Property).map((p) => readProperty(p, false, qualify)),
        ...list(t.NavigationProperty).map((p) => readProperty(p, true, qualify)),
      ];
      doc.structuredTypes.set(name, {
        kind,
        name,
        baseType: t.BaseType ? qualify(String(t.BaseType)) : undefined,
        abstract: t.Abstract === "true",
        properties,
        annotations: annotationsOf(t),
      });
    }
  }
  for (const a of list(schema.Action)) {
    const parameters = list(a.Parameter).map((p) => ({ name: String(p.Name), type: qualify(String(p.Type)), nullable: p.Nullable !== "false" }));
    const bound = a.IsBound === "true";
    const returnType = (a.ReturnType as XmlNode | undefined)?.Type;
    doc.actions.push({
      name: `${namespace}.${a.Name}`,
      bindingType: bound ? parameters[0]?.type : undefined,
      parameters: bound ? parameters.slice(1) : parameters,
      returnType: returnType ? qualify(String(returnType)) : undefined,
    });
  }
  for (const block of list(schema.Annotations)) {
    const target = qualify(String(block.Target));
    doc.annotations.set(target, [...(doc.annotations.get(target) ?? []), ...annotationsOf(block)]);
  }
}

function readProperty(p: XmlNode, navigation: boolean, qualify: (name: string) => string): CsdlProperty {
  return {
    name: String(p.Name),
    type: qualify(String(p.Type)),
    // CSDL default: nullable unless Nullable="false" (navigation collections are never null).
    nullable: p.Nullable !== "false" && !(navigation && String(p.Type).startsWith("Collection(")),
    navigation,
    annotations: annotationsOf(p),
  };
}

function annotationsOf(node: XmlNode): CsdlAnnotation[] {
  return list(node.Annotation).map((a) => ({
    term: String(a.Term),
    string: a.String === undefined ? undefined : String(a.String),
    bool: a.Bool === undefined ? undefined : a.Bool === "true",
    enumMember: a.EnumMember === undefined ? undefined : String(a.EnumMember),
  }));
}

/** `graph.x` → `microsoft.graph.x`; `Collection(graph.x)` → `Collection(microsoft.graph.x)`; `Edm.*` unchanged. */
export function qualifyType(name: string, namespace: string, alias: string | undefined): string {
  const collection = /^Collection\((.*)\)$/.exec(name);
  if (collection) return `Collection(${qualifyType(collection[1]!, namespace, alias)})`;
  if (alias && name.startsWith(`${alias}.`)) return `${namespace}.${name.slice(alias.length + 1)}`;
  return name;
}

function list(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as XmlNode[];
}
