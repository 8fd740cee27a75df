import { getSchema } from '@tiptap/core';
import { templateExtensions } from './templateExtensions.ts';

/** The ProseMirror schema of a template body, built without an editor so Node can use it. */
export const templateSchema = getSchema(templateExtensions);
