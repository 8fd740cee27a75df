// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { patchHtml } from './patchHtml.ts';

const article = (blocks: string, lang = 'zh-CN') => `<article class="cw-doc" lang="${lang}">${blocks}</article>`;

describe('patchHtml', () => {
  it('fills an empty host', () => {
    const host = document.createElement('div');
    patchHtml(host, article('<h1>合同</h1><p>甲方</p>'));
    expect(host.innerHTML).toBe(article('<h1>合同</h1><p>甲方</p>'));
  });

  it('ends up with the new HTML, swapping only the blocks that changed', () => {
    const host = document.createElement('div');
    patchHtml(host, article('<h1>合同</h1><div class="cw-clause"><p>第一条 <span>1</span></p></div><p>尾</p>'));
    const [title, clause, tail] = [...(host.firstElementChild?.children ?? [])];
    patchHtml(host, article('<h1>合同</h1><div class="cw-clause"><p>第一条 <span>2</span></p></div><p>尾</p>'));
    expect(host.innerHTML).toBe(
      article('<h1>合同</h1><div class="cw-clause"><p>第一条 <span>2</span></p></div><p>尾</p>'),
    );
    const now = [...(host.firstElementChild?.children ?? [])];
    expect(now[0]).toBe(title);
    expect(now[1]).not.toBe(clause);
    expect(now[2]).toBe(tail);
  });

  it('adds and removes blocks when a conditional clause comes and goes', () => {
    const host = document.createElement('div');
    const three = article('<p>a</p><p>b</p><p>c</p>');
    patchHtml(host, three);
    patchHtml(host, article('<p>a</p><p>c</p>'));
    expect(host.innerHTML).toBe(article('<p>a</p><p>c</p>'));
    patchHtml(host, three);
    expect(host.innerHTML).toBe(three);
  });

  it('replaces everything when the article itself differs (another template or locale)', () => {
    const host = document.createElement('div');
    patchHtml(host, article('<p>a</p>'));
    const first = host.firstElementChild;
    patchHtml(host, article('<p>a</p>', 'en'));
    expect(host.innerHTML).toBe(article('<p>a</p>', 'en'));
    expect(host.firstElementChild).not.toBe(first);
  });
});
