// Local timing check (not a test): `pnpm exec tsx packages/markdown/test/timing.ts`. The lead's bench owns the figures.

import { parseMarkdown } from '../src/parseMarkdown.ts';
import { parseTemplate } from '../src/parseTemplate.ts';
import { serializeTemplate } from '../src/serializeTemplate.ts';

function thousandClauses(): string {
  let body = '';
  for (let i = 0; i < 1000; i++) {
    const indent = i % 4 === 0 ? '' : '   ';
    const ref = i > 0 ? `，详见[[#c${i - 1}]]` : '';
    const condition = i % 10 === 0 ? ' if=deposit' : '';
    body += `${indent}1. 甲方应于{{sign_date|date_cn}}前向乙方支付**人民币{{amount|rmb_upper}}元**${ref}。 {#c${i}${condition}}\n`;
  }
  return `---
schemaVersion: 1
id: timing
title: 计时
locale: zh-CN
numbering: zh-article
fields:
  sign_date: { label: 签订日期, type: date }
  amount: { label: 金额, type: money }
  deposit: { label: 定金, type: boolean }
---

${body}`;
}

function median(fn: () => unknown, runs = 30): number {
  for (let i = 0; i < 10; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(runs / 2)] ?? Number.NaN;
}

const source = thousandClauses();
const template = parseTemplate(source);
const body = source.slice(source.indexOf('\n---\n') + 5);
console.log(`source: ${source.length} UTF-16 units`);
console.log(`parse.1000        ${median(() => parseTemplate(source)).toFixed(1)} ms`);
console.log(`  of which the Markdown parser ${median(() => parseMarkdown(body)).toFixed(1)} ms`);
console.log(`serialize.1000    ${median(() => serializeTemplate(template)).toFixed(1)} ms`);
