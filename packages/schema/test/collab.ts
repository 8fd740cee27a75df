import type { Editor, Extensions, JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { templateSchema } from '../src/templateSchema.ts';
import { YCollaboration } from '../src/YCollaboration.ts';
import { makeEditor } from './editing.ts';

/** A Y.Doc whose `body` holds `content`. */
export function seededDoc(content: JSONContent): Y.Doc {
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(templateSchema, content, ydoc.getXmlFragment('body'));
  return ydoc;
}

/** An editor bound to `ydoc`'s body with YCollaboration, the clause keymap and clause ids. */
export function collabEditor(ydoc: Y.Doc, extra: Extensions = []): Editor {
  return makeEditor(null, [YCollaboration.configure({ fragment: ydoc.getXmlFragment('body') }), ...extra]);
}

/**
 * Two docs connected like two browsers through a server: updates are queued while `online` is false and delivered
 * on `flush()`, so concurrent edits can be staged.
 */
export class Link {
  online = true;
  private readonly queue: [Y.Doc, Uint8Array][] = [];

  constructor(
    readonly a: Y.Doc,
    readonly b: Y.Doc,
  ) {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), this);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b), this);
    a.on('update', (update: Uint8Array, origin: unknown) => this.send(b, update, origin));
    b.on('update', (update: Uint8Array, origin: unknown) => this.send(a, update, origin));
  }

  private send(to: Y.Doc, update: Uint8Array, origin: unknown): void {
    if (origin === this) return;
    if (this.online) Y.applyUpdate(to, update, this);
    else this.queue.push([to, update]);
  }

  /** Delivers everything queued (both directions) and goes online. */
  flush(): void {
    this.online = true;
    for (const [to, update] of this.queue.splice(0)) Y.applyUpdate(to, update, this);
  }
}
