import { resolveTemplate } from '@clausewright/model';
import { renderDocx } from '@clausewright/render';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { loadTemplateDir, SEED_ID } from '../packages/render/test/docxSeed.ts';
import { docxTemplaterTemplate } from '../packages/render/test/docxTemplaterTemplate.ts';
import { generatedContract } from '../packages/render/test/docxTemplates.ts';
import type { Bench } from './harness.ts';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

export default async function (bench: Bench): Promise<void> {
  const s = loadTemplateDir(SEED_ID);
  await bench.time('render.seed.docx', () => renderDocx(resolveTemplate(s.template, s.values)), {
    runs: 100,
    warmup: 20,
    target: 20,
  });

  const { template, values } = generatedContract(500, 3, 5);
  await bench.time('render.500x3.docx', () => renderDocx(resolveTemplate(template, values)), { runs: 30, warmup: 5 });

  const templateBytes = await docxTemplaterTemplate(template, values);
  const theirs = () =>
    new Docxtemplater(new PizZip(templateBytes), { paragraphLoop: true, linebreaks: true })
      .render(values)
      .getZip()
      .generate({ type: 'uint8array', compression: 'DEFLATE' });
  const ours = () => renderDocx(resolveTemplate(template, values));
  for (let i = 0; i < 5; i++) {
    await ours();
    theirs();
  }
  // Alternate the two so drift in machine load affects both alike.
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < 30; i++) {
    let start = performance.now();
    await ours();
    const a = performance.now() - start;
    start = performance.now();
    theirs();
    const b = performance.now() - start;
    oursMs.push(a);
    theirsMs.push(b);
    ratios.push(a / b);
  }
  bench.record('render.500x3.docxtemplater', theirsMs, 'ms');
  bench.record('render.500x3.docx.vsDocxtemplater', ratios, 'ratio', 0.5);
  console.log(`median(ours) / median(docxtemplater) = ${(median(oursMs) / median(theirsMs)).toFixed(3)}`);
}
