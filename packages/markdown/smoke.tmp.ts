import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseTemplate, serializeTemplate } from './src/index.ts';

for (const id of readdirSync('../../templates')) {
  const file = `../../templates/${id}/template.md`;
  if (!existsSync(file)) continue;
  const src = readFileSync(file, 'utf8');
  try {
    const t = parseTemplate(src, { file, expectedId: id });
    const out = serializeTemplate(t);
    const t2 = parseTemplate(out);
    console.log(id, 'ok', isDeepStrictEqual(t, t2), serializeTemplate(t2) === out, out === src);
    if (out !== src) {
      const a = src.split('\n'),
        b = out.split('\n');
      for (let i = 0; i < Math.max(a.length, b.length); i++)
        if (a[i] !== b[i]) {
          console.log(i + 1, JSON.stringify(a[i]), '\n   ', JSON.stringify(b[i]));
          break;
        }
    }
  } catch (e) {
    console.log(id, (e as Error).message);
  }
}
