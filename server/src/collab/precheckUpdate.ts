import { FIELD_KEY } from '@clausewright/model';
import { BODY_FIELD, FIELDS_MAP, META_MAP } from '@clausewright/schema';
import * as Y from 'yjs';
import { isTemplateMark, isTemplateNode } from './checkBlock.ts';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

const ROOTS = new Set([BODY_FIELD, FIELDS_MAP, META_MAP]);
const META_KEYS = new Set(['schemaVersion', 'id', 'title', 'locale', 'numbering']);

/**
 * What is wrong with a template update that shows without the document, or null: content kinds a template never
 * holds (embeds, binary, subdocuments, maps or arrays), unknown node names or marks, shared types other than the
 * template's, unknown meta keys, invalid field keys. Checked before the update touches the guard's copy of the
 * document, so the commonest hostile updates are refused without having to rebuild that copy.
 */
export function precheckUpdate(update: DecodedUpdate): string | null {
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent as unknown;
    if (typeof parent === 'string') {
      if (!ROOTS.has(parent)) return 'the document holds a shared type templates do not have';
      const key = struct.parentSub;
      const content = struct.content;
      if (
        parent === BODY_FIELD &&
        !(content instanceof Y.ContentType && content.type instanceof Y.XmlElement) &&
        !(content instanceof Y.ContentDeleted)
      ) {
        return 'the body holds content that is not a block';
      }
      if (parent === META_MAP && key !== null && !META_KEYS.has(key)) return `meta has no key "${key.slice(0, 40)}"`;
      if (parent === FIELDS_MAP && key !== null && !FIELD_KEY.test(key)) {
        return `field key "${key.slice(0, 40)}" is invalid`;
      }
    }
    const content = struct.content;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlElement) {
        if (!isTemplateNode(type.nodeName)) return `node "${type.nodeName.slice(0, 40)}" is not a template node`;
      } else if (!(type instanceof Y.XmlText)) {
        return 'a Yjs type templates do not use';
      }
    } else if (content instanceof Y.ContentFormat) {
      if (!isTemplateMark(content.key)) return `mark "${content.key.slice(0, 40)}" is not allowed`;
    } else if (
      content instanceof Y.ContentEmbed ||
      content instanceof Y.ContentBinary ||
      content instanceof Y.ContentDoc ||
      content instanceof Y.ContentJSON
    ) {
      return 'content templates do not hold (an embed, binary, a subdocument or legacy JSON)';
    }
  }
  return null;
}
