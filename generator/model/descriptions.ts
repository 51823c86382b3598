/**
 * Descriptions and read-only flags, which Graph states in several places that can disagree.
 *
 * Descriptions, first found wins: CSDL inline `Core.Description` (it sits on the element itself and
 * often lists "the possible values"), then the CSDL out-of-line `<Annotations>` block, then the OpenAPI
 * `description`. The CSDL slice shows the two CSDL texts can differ (spec/README.md), so one pinned
 * order keeps the output deterministic.
 *
 * Read-only: OpenAPI `readOnly`, CSDL `Core.Computed` or `Core.Permissions = Read`, or Graph's own
 * prose convention, a description saying "Read-only." / "This property is read-only." (the OpenAPI
 * converter drops the annotation for many such properties, `entity.id` among them).
 */
import type { CsdlAnnotation } from "../load/csdl.js";

const DESCRIPTION = "Org.OData.Core.V1.Description";

export function firstDescription(...candidates: (string | undefined)[]): string | undefined {
  return candidates.find((d) => d !== undefined && d.trim() !== "")?.trim();
}

export function csdlDescription(annotations: CsdlAnnotation[] | undefined): string | undefined {
  return annotations?.find((a) => a.term === DESCRIPTION)?.string;
}

export function csdlReadOnly(annotations: CsdlAnnotation[] | undefined): boolean {
  return (annotations ?? []).some(
    (a) => (a.term === "Org.OData.Core.V1.Computed" && a.bool !== false) || (a.term === "Org.OData.Core.V1.Permissions" && a.enumMember === "Org.OData.Core.V1.Permission/Read"),
  );
}

export function describedAsReadOnly(description: string | undefined): boolean {
  return description !== undefined && /(^|\.\s*)(Read-only|This property is read-only)\.?\s*$/i.test(description);
}
