/**
 * Overlay stage: OpenAPI Overlay 1.0.0 documents a slice lists in the config, read and applied to its
 * loaded OpenAPI document before slicing, so what the metadata lacks (a type, an action the API
 * reference documents) is added without editing the spec files, which stay verbatim copies.
 */
export { applyOverlays } from "./apply-overlay.js";
export { validateOverlaid } from "./validate-overlaid.js";
export { parseOverlay, readOverlay, type OverlayAction, type OverlayDocument } from "./read-overlay.js";
