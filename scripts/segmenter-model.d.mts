// Types for scripts/segmenter-model.mjs (used by tests).
export const SEGMENTER_SOURCE: string;
export function segmenterModel(source?: string): string;
