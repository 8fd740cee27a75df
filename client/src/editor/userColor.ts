// Caret colours readable on white paper and distinct from one another (y-prosemirror wants #rrggbb).
const PALETTE = ['#d0453b', '#1f7a4d', '#2f5fb3', '#a3479b', '#c26a00', '#00838f', '#6b4fbb', '#8a6d00', '#c2185b'];

/** A caret colour derived from the display name, so a person keeps one colour in every window and session. */
export function userColor(name: string): string {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return PALETTE[(hash >>> 0) % PALETTE.length] as string;
}
