import { describe, expect, it } from 'vitest';
import { detectLang } from './detectLang.ts';
import { LANGS, type MessageKey, messages } from './messages.ts';
import { translate } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI messages', () => {
  it('has every key in both languages, none blank', () => {
    const zhKeys = Object.keys(messages.zh).sort();
    expect(Object.keys(messages.en).sort()).toEqual(zhKeys);
    for (const lang of LANGS) {
      for (const key of zhKeys) expect(messages[lang][key as MessageKey].trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(messages.zh) as MessageKey[]) {
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.zh[key]));
    }
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(translate('en', 'status.unsynced', { n: 3 })).toBe('3 unsynced changes');
    expect(translate('zh', 'status.unsynced', { n: 3 })).toBe('3 处改动未同步');
    expect(translate('en', 'status.unsynced')).toBe('{n} unsynced changes');
    expect(translate('en', 'editor.keys')).toContain('{{ insert field');
  });
});

describe('detectLang', () => {
  it('picks Chinese for any zh tag and English otherwise', () => {
    expect(detectLang('zh-CN')).toBe('zh');
    expect(detectLang('zh-Hant-TW')).toBe('zh');
    expect(detectLang('ZH')).toBe('zh');
    expect(detectLang('en-GB')).toBe('en');
    expect(detectLang('fr')).toBe('en');
    expect(detectLang(undefined)).toBe('en');
  });
});
