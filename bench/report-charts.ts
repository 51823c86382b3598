/**
 * Hand-written SVG charts for RESULTS.md (no chart library):
 *   ratiosChart:   every client's cost relative to the baseline, per measurement, on a log axis
 *                  (1× = baseline; bars grow right when costlier, left when cheaper).
 *   generatorChart: generation time and peak RSS against spec size (log-log), with a linear-growth
 *                  reference line through the smallest synthetic spec.
 */

export interface RatioRow {
  client: string;
  value: number;
}
export interface RatioGroup {
  title: string;
  rows: RatioRow[];
  /** Target line (same unit as the ratios), if graphslice has one here. */
  target?: number;
}

const PALETTE: Record<string, string> = {
  "bare fetch": "#6b7280",
  graphslice: "#16a34a",
  "openapi-fetch": "#2563eb",
  "graph-client": "#d97706",
  kiota: "#dc2626",
};

function colour(client: string): string {
  const key = Object.keys(PALETTE).find((k) => client.toLowerCase().startsWith(k.toLowerCase()));
  return key ? PALETTE[key]! : "#7c3aed";
}

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function niceTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let exp = Math.floor(Math.log10(min)); exp <= Math.ceil(Math.log10(max)); exp++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** exp;
      if (v >= min * 0.999 && v <= max * 1.001) ticks.push(v);
    }
  }
  return ticks;
}

function fmtTick(v: number): string {
  if (v >= 1000) return `${v / 1000}k`;
  return v < 1 ? v.toString().replace(/^0/, "") : String(v);
}

export function ratiosChart(groups: RatioGroup[], caption: string): string {
  const usable = groups.map((g) => ({ ...g, rows: g.rows.filter((r) => Number.isFinite(r.value) && r.value > 0) })).filter((g) => g.rows.length > 0);
  const values = usable.flatMap((g) => [...g.rows.map((r) => r.value), ...(g.target ? [g.target] : [])]);
  const min = Math.min(0.5, ...values.map((v) => v / 1.3));
  const max = Math.max(2, ...values.map((v) => v * 1.3));
  const left = 250;
  const right = 60;
  const width = 860;
  const rowH = 18;
  const groupGap = 28;
  const top = 50;
  const plotW = width - left - right;
  const x = (v: number) => left + ((Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))) * plotW;
  const height = top + usable.reduce((h, g) => h + groupGap + g.rows.length * rowH, 0) + 40;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${esc(caption)}</text>`);
  parts.push(`<text x="${width / 2}" y="37" text-anchor="middle" fill="#555">cost relative to baseline (log scale, lower is better; dashed = graphslice target)</text>`);
  const bottom = height - 30;
  for (const t of niceTicks(min, max)) {
    parts.push(`<line x1="${x(t).toFixed(1)}" y1="${top}" x2="${x(t).toFixed(1)}" y2="${bottom}" stroke="${t === 1 ? "#111" : "#e5e7eb"}" stroke-width="${t === 1 ? 1.5 : 1}"/>`);
    parts.push(`<text x="${x(t).toFixed(1)}" y="${bottom + 15}" text-anchor="middle" fill="#444">${fmtTick(t)}×</text>`);
  }
  let y = top;
  for (const group of usable) {
    y += groupGap;
    parts.push(`<text x="8" y="${y - 8}" font-weight="bold">${esc(group.title)}</text>`);
    const groupTop = y - 4;
    for (const row of group.rows) {
      const x0 = x(1);
      const x1 = x(row.value);
      const barX = Math.min(x0, x1);
      const barW = Math.max(1.5, Math.abs(x1 - x0));
      parts.push(`<text x="${left - 8}" y="${y + 9}" text-anchor="end">${esc(row.client)}</text>`);
      parts.push(`<rect x="${barX.toFixed(1)}" y="${y}" width="${barW.toFixed(1)}" height="${rowH - 5}" fill="${colour(row.client)}" opacity="0.85"/>`);
      const label = row.value >= 100 ? row.value.toFixed(0) : row.value.toFixed(2);
      parts.push(`<text x="${(Math.max(x0, x1) + 4).toFixed(1)}" y="${y + 10}" fill="#111">${label}×</text>`);
      y += rowH;
    }
    if (group.target) {
      const tx = x(group.target).toFixed(1);
      parts.push(`<line x1="${tx}" y1="${groupTop}" x2="${tx}" y2="${y}" stroke="#16a34a" stroke-width="1.5" stroke-dasharray="4 3"/>`);
    }
  }
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

export interface ScalingPoint {
  label: string;
  sizeBytes: number;
  ms: number;
  rssMiB: number;
  synthetic: boolean;
}

export function generatorChart(points: ScalingPoint[], message?: string): string {
  const width = 860;
  const height = 420;
  const left = 80;
  const right = 80;
  const top = 50;
  const bottom = height - 60;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">Generator cost against spec size (log-log)</text>`);
  const usable = points.filter((p) => Number.isFinite(p.ms) && p.ms > 0 && p.sizeBytes > 0);
  if (usable.length === 0) {
    parts.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="#555">${esc(message ?? "no generator runs measured")}</text>`);
    parts.push("</svg>");
    return `${parts.join("\n")}\n`;
  }
  const sizes = usable.map((p) => p.sizeBytes);
  const times = usable.flatMap((p) => [p.ms]);
  const rss = usable.map((p) => p.rssMiB).filter((v) => Number.isFinite(v) && v > 0);
  const sx = [Math.min(...sizes) / 1.5, Math.max(...sizes) * 1.5];
  const sy = [Math.min(...times) / 1.5, Math.max(...times) * 1.8];
  const sr = rss.length > 0 ? [Math.min(...rss) / 1.5, Math.max(...rss) * 1.8] : [1, 10];
  const plotW = width - left - right;
  const lx = (v: number) => left + ((Math.log10(v) - Math.log10(sx[0]!)) / (Math.log10(sx[1]!) - Math.log10(sx[0]!))) * plotW;
  const ly = (v: number) => bottom - ((Math.log10(v) - Math.log10(sy[0]!)) / (Math.log10(sy[1]!) - Math.log10(sy[0]!))) * (bottom - top);
  const lr = (v: number) => bottom - ((Math.log10(v) - Math.log10(sr[0]!)) / (Math.log10(sr[1]!) - Math.log10(sr[0]!))) * (bottom - top);
  parts.push(`<defs><clipPath id="plot"><rect x="${left}" y="${top}" width="${plotW}" height="${bottom - top}"/></clipPath></defs>`);
  parts.push(`<rect x="${left}" y="${top}" width="${plotW}" height="${bottom - top}" fill="none" stroke="#d1d5db"/>`);
  for (const t of niceTicks(sx[0]!, sx[1]!)) parts.push(`<line x1="${lx(t).toFixed(1)}" y1="${top}" x2="${lx(t).toFixed(1)}" y2="${bottom}" stroke="#eee"/><text x="${lx(t).toFixed(1)}" y="${bottom + 15}" text-anchor="middle" fill="#444">${fmtBytesShort(t)}</text>`);
  for (const t of niceTicks(sy[0]!, sy[1]!)) parts.push(`<line x1="${left}" y1="${ly(t).toFixed(1)}" x2="${width - right}" y2="${ly(t).toFixed(1)}" stroke="#eee"/><text x="${left - 6}" y="${(ly(t) + 4).toFixed(1)}" text-anchor="end" fill="#166534">${fmtTick(t)} ms</text>`);
  if (rss.length > 0) for (const t of niceTicks(sr[0]!, sr[1]!)) parts.push(`<text x="${width - right + 6}" y="${(lr(t) + 4).toFixed(1)}" fill="#7c3aed">${fmtTick(t)} MiB</text>`);
  parts.push(`<text x="${width / 2}" y="${bottom + 35}" text-anchor="middle">spec size (OpenAPI + CSDL bytes)</text>`);
  const synth = usable.filter((p) => p.synthetic).sort((a, b) => a.sizeBytes - b.sizeBytes);
  const first = synth[0];
  if (first) {
    const end = sx[1]!;
    parts.push(`<line clip-path="url(#plot)" x1="${lx(first.sizeBytes).toFixed(1)}" y1="${ly(first.ms).toFixed(1)}" x2="${lx(end).toFixed(1)}" y2="${ly((first.ms * end) / first.sizeBytes).toFixed(1)}" stroke="#9ca3af" stroke-dasharray="5 4"/>`);
    parts.push(`<text x="${width - right}" y="${top - 6}" text-anchor="end" fill="#6b7280">dashed: linear growth from the smallest synthetic spec</text>`);
    parts.push(`<polyline fill="none" stroke="#16a34a" stroke-width="2" points="${synth.map((p) => `${lx(p.sizeBytes).toFixed(1)},${ly(p.ms).toFixed(1)}`).join(" ")}"/>`);
    const rssPoints = synth.filter((p) => Number.isFinite(p.rssMiB) && p.rssMiB > 0);
    if (rssPoints.length > 1) parts.push(`<polyline fill="none" stroke="#7c3aed" stroke-width="1.5" stroke-dasharray="2 2" points="${rssPoints.map((p) => `${lx(p.sizeBytes).toFixed(1)},${lr(p.rssMiB).toFixed(1)}`).join(" ")}"/>`);
  }
  for (const p of usable) {
    const px = lx(p.sizeBytes);
    if (Number.isFinite(p.rssMiB) && p.rssMiB > 0) parts.push(`<rect x="${(px - 3.5).toFixed(1)}" y="${(lr(p.rssMiB) - 3.5).toFixed(1)}" width="7" height="7" fill="#7c3aed"/>`);
    parts.push(`<circle cx="${px.toFixed(1)}" cy="${ly(p.ms).toFixed(1)}" r="4.5" fill="${p.synthetic ? "#16a34a" : "#2563eb"}"/>`);
    const anchor = px > left + plotW * 0.7 ? "end" : "start";
    const dx = anchor === "end" ? -8 : 8;
    parts.push(`<text x="${(px + dx).toFixed(1)}" y="${(ly(p.ms) - 8).toFixed(1)}" text-anchor="${anchor}" fill="#111">${esc(p.label)}: ${p.ms.toFixed(0)} ms</text>`);
  }
  parts.push(`<text x="${left}" y="${height - 8}" fill="#444">● generation time (left axis; green: synthetic, blue: real slice)   ■ peak RSS (right axis, purple)</text>`);
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

function fmtBytesShort(v: number): string {
  if (v >= 1e6) return `${v / 1e6} MB`;
  if (v >= 1e3) return `${v / 1e3} kB`;
  return `${v} B`;
}
