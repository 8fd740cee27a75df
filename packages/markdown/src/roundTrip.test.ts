import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateArb } from '../test/arbitraryTemplate.ts';
import { parseTemplate } from './parseTemplate.ts';
import { serializeTemplate } from './serializeTemplate.ts';

const here = dirname(fileURLToPath(import.meta.url));
const templatesDir = join(here, '../../../templates');
const fixtures = join(here, '../test/fixtures');

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

  it('writes a hand-written file (wrapped lines, typed numbers, missing ids) in its canonical form', () => {
    const handWritten = parseTemplate(readFileSync(join(fixtures, 'hand-written.source.txt'), 'utf8'), {
      expectedId: 'lease',
    });
    const canonical = readFileSync(join(fixtures, 'hand-written.golden.txt'), 'utf8');
    expect(serializeTemplate(handWritten)).toBe(canonical);
    expect(parseTemplate(canonical)).toEqual(handWritten);
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
