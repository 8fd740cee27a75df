import fc from 'fast-check';

// Fragments of hand-written Clause Markdown, valid or not: list markers at several depths, attributes, fields,
// references, emphasis markers, escapes, character references, breaks, tables and what Markdown treats specially.
const FRAGMENTS = [
  '\n',
  '\n\n',
  '\n   ',
  '\n\n   ',
  '\n1. ',
  '\n   1. ',
  '\n      1. ',
  '2) ',
  '- ',
  '# ',
  '> ',
  '| a | b |\n| - | - |\n',
  '   ',
  ' ',
  '\t',
  '\u3000',
  '{{a}}',
  '{{ m | money }}',
  '{{',
  '}}',
  '[[#k]]',
  '[[#',
  ']]',
  ' {#k}',
  ' {#j if=c=x}',
  ' {#k if="c=y z"}',
  ' {unless=a}',
  '{#',
  '**',
  '*',
  '~~',
  '_',
  '\\',
  '\\*',
  '\\\n',
  '  \n',
  '<br>',
  '&amp;',
  '&#123;',
  '&#x20;',
  '&copy;',
  '中文',
  '，',
  '“',
  'abc',
  'www.x.com',
  '`',
  '[',
  ']',
  '(',
  '{',
  '}',
  '|',
  '#',
  '---',
  '😀',
];

/** The front matter the bodies below are read with: fields `a` (text), `m` (money) and `c` (choice). */
export const HAND_WRITTEN_FRONT = `---
schemaVersion: 1
id: x
title: T
locale: zh-CN
numbering: zh-article
fields:
  a: { label: A, type: text }
  m: { label: M, type: money }
  c: { label: C, type: choice, options: [x, y z] }
---

`;

/** Random Markdown bodies as a person might write them; many do not parse, which is fine. */
export const handWrittenBodyArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((a) => a.join(''));
