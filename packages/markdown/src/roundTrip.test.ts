import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HAND_WRITTEN_FRONT, handWrittenBodyArb } from '../test/arbitraryMarkdown.ts';
import { templateArb } from '../test/arbitraryTemplate.ts';
import { parseTemplate } from './parseTemplate.ts';
import { serializeTemplate } from './serializeTemplate.ts';
import { TemplateSyntaxError } from './TemplateSyntaxError.ts';

const here = dirname(fileURLToPath(import.meta.url));
const templatesDir = join(here, '../../../templates');
const fixtures = join(here, '../test/fixtures');
const formatDoc = join(here, '../../../docs/template-format.md');

describe('round trip', () => {
  it('parse(serialize(t)) equals t for random templates, and serializing again gives the same text', () => {
    fc.assert(
      fc.property(templateArb, (template) => {
        const text = serializeTemplate(template);
        const back = parseTemplate(text);
        expect(back).toEqual(template);
        expect(serializeTemplate(back)).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it('parse → serialize → parse is lossless for random hand-written files that parse at all', () => {
    let parsed = 0;
    fc.assert(
      fc.property(handWrittenBodyArb, (body) => {
        let template: ReturnType<typeof parseTemplate>;
        try {
          template = parseTemplate(HAND_WRITTEN_FRONT + body);
        } catch (e) {
          if (e instanceof TemplateSyntaxError) return;
          throw e;
        }
        parsed++;
        const text = serializeTemplate(template);
        expect(parseTemplate(text)).toEqual(template);
        expect(serializeTemplate(parseTemplate(text))).toBe(text);
      }),
      { numRuns: 400 },
    );
    expect(parsed).toBeGreaterThan(50);
  });

  it('writes a hand-written file (wrapped lines, typed numbers, missing ids) in its canonical form', () => {
    const handWritten = parseTemplate(readFileSync(join(fixtures, 'hand-written.source.txt'), 'utf8'), {
      expectedId: 'lease',
    });
    const canonical = readFileSync(join(fixtures, 'hand-written.golden.txt'), 'utf8');
    expect(serializeTemplate(handWritten)).toBe(canonical);
    expect(parseTemplate(canonical)).toEqual(handWritten);
  });

  it('reads the complete example in docs/template-format.md, which is already in canonical form', () => {
    const doc = readFileSync(formatDoc, 'utf8');
    const example = doc.slice(doc.indexOf('## Complete example')).split('```text\n')[1]?.split('\n```')[0];
    const source = `${example}\n`;
    expect(serializeTemplate(parseTemplate(source, { expectedId: 'loan-agreement' }))).toBe(source);
  });

  // Other people write these files; whatever exists when the test runs is checked, none skipped.
  const ids = existsSync(templatesDir)
    ? readdirSync(templatesDir).filter((id) => existsSync(join(templatesDir, id, 'template.md')))
    : [];

  if (ids.length === 0) {
    it('has no repository templates to check yet', () => {
      expect(ids).toEqual([]);
    });
  } else {
    it.each(ids)('templates/%s/template.md parses, and parse → serialize → parse is lossless and stable', (id) => {
      const source = readFileSync(join(templatesDir, id, 'template.md'), 'utf8');
      const template = parseTemplate(source, { file: `templates/${id}/template.md`, expectedId: id });
      const text = serializeTemplate(template);
      expect(parseTemplate(text, { expectedId: id })).toEqual(template);
      expect(serializeTemplate(parseTemplate(text))).toBe(text);
    });
  }
});
