import { resolveTemplate, type Template } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { ProblemsError } from './ProblemsError.ts';
import { renderHtml } from './renderHtml.ts';

const template: Template = {
  meta: { schemaVersion: 1, id: 'h', title: '测试<合同>', locale: 'zh-CN', numbering: 'zh-article' },
  fields: { party: { label: '甲方', type: 'text', required: true }, note: { label: '备注', type: 'multiline' } },
  body: [
    { type: 'heading', level: 1, content: [{ type: 'text', text: '合同' }] },
    {
      type: 'clauses',
      clauses: [
        {
          id: 'one',
          content: [
            { type: 'text', text: '甲方：' },
            { type: 'field', key: 'party', marks: ['bold'] },
            { type: 'ref', target: 'two' },
          ],
          paragraphs: [[{ type: 'field', key: 'note' }]],
          children: [{ id: 'two', content: [{ type: 'ref', target: 'gone' }], paragraphs: [], children: [] }],
        },
      ],
    },
    { type: 'table', align: [null, 'right'], rows: [[[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]]] },
  ],
};

describe('renderHtml', () => {
  it('prints labels, values with data-field, links to clauses and marks gaps', () => {
    const html = renderHtml(resolveTemplate(template, { party: '某某公司', note: '第一行\n第二行' }));
    expect(html).toContain(
      '<span class="cw-label">第一条</span> 甲方：<strong><span class="cw-value" data-field="party">某某公司</span></strong>',
    );
    expect(html).toContain('<a class="cw-ref" href="#cw-two" data-target="two">1-1</a>');
    expect(html).toContain('<span class="cw-value" data-field="note">第一行<br>第二行</span>');
    expect(html).toContain('<span class="cw-ref cw-broken-ref" data-target="gone">[#gone?]</span>');
    expect(html).toContain('<td style="text-align:right">b</td>');
    expect(html).toContain('id="cw-one" data-clause-id="one"');
  });

  it('prints a missing value as a marked blank', () => {
    expect(renderHtml(resolveTemplate(template, {}))).toContain(
      '<span class="cw-value cw-missing" data-field="party">＿＿＿＿</span>',
    );
  });

  it('cannot be made to inject markup through values', () => {
    const html = renderHtml(resolveTemplate(template, { party: '<img src=x onerror=alert(1)>"' }), {
      standalone: true,
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(html).toContain('<title>测试&lt;合同&gt;</title>');
  });

  it('refuses a strict document with problems', () => {
    expect(() => renderHtml(resolveTemplate(template, {}, { mode: 'strict' }))).toThrow(ProblemsError);
  });
});
