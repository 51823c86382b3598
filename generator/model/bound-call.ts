/**
 * Model stage: the segment that names a bound action or function, parsed.
 *
 *   microsoft.graph.assign                                  an action: no parameter list
 *   microsoft.graph.retrieveLatestUpgradeDefaultBaselinePolicy()   a function without parameters
 *   microsoft.graph.getActivitiesByInterval(startDateTime='{startDateTime}',interval='{interval}')
 *   microsoft.graph.getEmailActivityUserDetail(date={date})
 *
 * A parameter in quotes is an OData string literal; a bare one is any other literal (a date, a
 * number, a boolean). `name=@alias` names a parameter alias, whose value is a query option: it is
 * kept as written. Each `{placeholder}` must be one of the operation's path parameters, which
 * gives its type and description.
 */
import type { BoundCall, Parameter, SegmentParameter } from "./ir.js";

export function parseBoundCall(segment: string, pathParameters: Parameter[], where: string): BoundCall {
  const open = segment.indexOf("(");
  const prefix = open < 0 ? segment : segment.slice(0, open);
  if (open >= 0 && !segment.endsWith(")")) throw new Error(`${where}: the segment ${segment} opens a parameter list it does not close`);
  const list = open < 0 ? "" : segment.slice(open + 1, -1);
  const parameters: SegmentParameter[] = [];
  const entries: BoundCall["entries"] = [];
  for (const entry of list === "" ? [] : splitParameters(list)) {
    // `name=@alias`: the value is the query option `@alias`, so the entry is sent as written.
    if (/^[^=]+='?@[A-Za-z0-9_]+'?$/.test(entry)) entries.push({ text: entry });
    else entries.push({ parameter: parameters.push(segmentParameter(entry, pathParameters, segment, where)) - 1 });
  }
  return {
    qualifiedName: prefix,
    name: prefix.slice(prefix.lastIndexOf(".") + 1),
    prefix,
    parameters,
    entries,
    parenthesised: open >= 0,
  };
}

/** `a='{a}',b={b}` → its entries (a quoted value cannot hold a comma: it is a placeholder). */
function splitParameters(list: string): string[] {
  return list.split(",");
}

function segmentParameter(entry: string, pathParameters: Parameter[], segment: string, where: string): SegmentParameter {
  const match = /^([^=]+)=('?)\{([^}]+)\}\2$/.exec(entry);
  if (!match) throw new Error(`${where}: cannot read the parameter ${JSON.stringify(entry)} in the segment ${segment} (expected name='{placeholder}' or name={placeholder})`);
  const [, wireName, quote, placeholder] = match;
  const declared = pathParameters.find((p) => p.wireName === placeholder);
  if (!declared) throw new Error(`${where}: the segment ${segment} uses {${placeholder}}, which is not a path parameter of the operation`);
  return { ...declared, wireName: wireName!, placeholder: placeholder!, quoted: quote === "'", required: true };
}
