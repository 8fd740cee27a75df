import type { ResolvedClause, ResolvedDocument, ResolvedInline } from '@clausewright/model';

/** Word's limit on a bookmark name's length. */
const MAX_LENGTH = 40;
const PREFIX = '_Ref_';

// FNV-1a: a short, stable hash so a long or rewritten id still maps to one name.
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The bookmark name for a clause id: `_Ref_` (hidden in Word, like the bookmarks Word makes for its own
 * cross-references) plus the id with `-` as `_`; ids that had a `-` or are too long get a hash of the id.
 */
export function bookmarkName(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (clean === id && PREFIX.length + clean.length <= MAX_LENGTH) return PREFIX + clean;
  return `${PREFIX}${clean.slice(0, MAX_LENGTH - PREFIX.length - 9)}_${hash(id)}`;
}

function collectRefs(content: readonly ResolvedInline[], into: Set<string>): void {
  for (const inline of content) if (inline.type === 'ref' && inline.text !== null) into.add(inline.target);
}

function collectClauseRefs(clause: ResolvedClause, into: Set<string>): void {
  collectRefs(clause.content, into);
  for (const p of clause.paragraphs) collectRefs(p, into);
  for (const child of clause.children) collectClauseRefs(child, into);
}

/**
 * Bookmark names for the clauses some cross-reference points at, keyed by clause id. Names are unique in
 * the document: the rare clash (`a-b` beside a clause whose id is its hashed form) gets a counter, in id order.
 */
export function bookmarkNames(doc: ResolvedDocument): Map<string, string> {
  const targets = new Set<string>();
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        collectRefs(block.content, targets);
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row) collectRefs(cell, targets);
        break;
      case 'clauses':
        for (const clause of block.clauses) collectClauseRefs(clause, targets);
        break;
    }
  }
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const id of [...targets].sort()) {
    const base = bookmarkName(id);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base.slice(0, MAX_LENGTH - String(n).length - 1)}_${n}`;
    used.add(name);
    names.set(id, name);
  }
  return names;
}
