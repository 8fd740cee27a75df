import type { Extensions } from '@tiptap/core';
import { Bold } from '@tiptap/extension-bold';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading } from '@tiptap/extension-heading';
import { Italic } from '@tiptap/extension-italic';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Strike } from '@tiptap/extension-strike';
import { Table, TableRow } from '@tiptap/extension-table';
import { Text } from '@tiptap/extension-text';
import { Clause } from './Clause.ts';
import { ClauseParagraph } from './ClauseParagraph.ts';
import { ClauseRef } from './ClauseRef.ts';
import { Field } from './Field.ts';
import { TemplateTableCell } from './TemplateTableCell.ts';
import { TemplateTableHeader } from './TemplateTableHeader.ts';

/**
 * Every node and mark a template body may hold, for the browser editor and the server alike. Reading a Y.Doc with
 * fewer extensions deletes the missing content, so every user of the document must build its schema from this list.
 * Mark order is the model's canonical order (bold, italic, strike).
 */
export const templateExtensions: Extensions = [
  Document,
  Text,
  Paragraph,
  Heading.configure({ levels: [1, 2, 3, 4, 5, 6] }),
  Bold,
  Italic,
  Strike,
  HardBreak,
  Table.configure({ resizable: false }),
  TableRow,
  TemplateTableHeader,
  TemplateTableCell,
  Clause,
  ClauseParagraph,
  Field,
  ClauseRef,
];
