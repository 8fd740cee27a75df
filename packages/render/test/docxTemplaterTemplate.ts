import {
  NUMBERING,
  type ResolvedClause,
  type ResolvedInline,
  resolveTemplate,
  type Template,
  type Values,
} from '@clausewright/model';
import { Document, LevelFormat, LevelSuffix, Packer, Paragraph, TextRun } from 'docx';

/**
 * A Word template docxtemplater fills to the same document renderDocx writes for `template`: the same
 * paragraphs, a `{key}` tag where each field is, and the clause numbering applied through paragraph styles
 * (how a hand-made Word template numbers clauses). The benchmark's point of comparison.
 */
export async function docxTemplaterTemplate(template: Template, values: Values): Promise<Uint8Array> {
  // Resolve only for the clause structure (levels); fields are written as tags, underlined as renderDocx does.
  const doc = resolveTemplate(template, values);
  const tagged = (content: readonly ResolvedInline[]) =>
    content.map((inline) =>
      inline.type === 'value'
        ? new TextRun({ text: `{${inline.field}}`, underline: {} })
        : new TextRun(inline.type === 'text' ? inline.text : ''),
    );
  const scheme = NUMBERING[template.meta.numbering];
  const children: Paragraph[] = [];
  const walk = (clauses: readonly ResolvedClause[]) => {
    for (const clause of clauses) {
      children.push(new Paragraph({ style: `Clause${clause.level}`, children: tagged(clause.content) }));
      for (const p of clause.paragraphs) children.push(new Paragraph({ indent: { left: 0 }, children: tagged(p) }));
      walk(clause.children);
    }
  };
  for (const block of doc.blocks) {
    if (block.type === 'clauses') walk(block.clauses);
    else if (block.type === 'heading' || block.type === 'paragraph')
      children.push(new Paragraph({ children: tagged(block.content) }));
  }
  const file = new Document({
    numbering: {
      config: [
        {
          reference: 'clauses',
          levels: scheme.levels.map((level, i) => ({
            level: i,
            format: level.format === 'chineseCounting' ? LevelFormat.CHINESE_COUNTING_THOUSAND : LevelFormat.DECIMAL,
            text: level.text,
            suffix: LevelSuffix.SPACE,
            isLegalNumberingStyle: level.legal,
          })),
        },
      ],
    },
    styles: {
      paragraphStyles: scheme.levels.map((_, i) => ({
        id: `Clause${i + 1}`,
        name: `Clause ${i + 1}`,
        paragraph: { numbering: { reference: 'clauses', level: i } },
      })),
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
