import type { Locale } from '@clausewright/model';
import { AlignmentType, type IStylesOptions } from 'docx';

/** Font size of body text in half-points: 小四 (12 pt) for Chinese contracts, 11 pt for English ones. */
const BODY_SIZE: Record<Locale, number> = { 'zh-CN': 24, en: 22 };

// eastAsia is what Word uses for CJK characters; Latin text inside a Chinese contract stays in a serif.
const FONTS: Record<Locale, { ascii: string; hAnsi: string; eastAsia: string; cs: string }> = {
  'zh-CN': { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' },
  en: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' },
};

const LANGUAGE: Record<Locale, { value: string; eastAsia: string }> = {
  'zh-CN': { value: 'en-US', eastAsia: 'zh-CN' },
  en: { value: 'en-US', eastAsia: 'zh-CN' },
};

/** Paragraph style ids the renderer writes; the heading ids are Word's built-in ones so its navigation pane lists them. */
export const STYLE = { title: 'Title', heading: (level: number) => `Heading${level}` } as const;

/**
 * The document's default fonts, size and spacing, and the title and heading styles, per locale.
 * Headings are plain bold text: a contract has one centred title and few other headings.
 */
export function documentStyles(locale: Locale): IStylesOptions {
  const size = BODY_SIZE[locale];
  const heading = { run: { bold: true, size }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } };
  return {
    default: {
      document: {
        run: { font: FONTS[locale], size, language: LANGUAGE[locale] },
        paragraph: { spacing: { line: 312, after: 60 } },
      },
      title: {
        run: { bold: true, size: size + 12, font: FONTS[locale] },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 } },
      },
      heading1: heading,
      heading2: heading,
      heading3: heading,
      heading4: heading,
      heading5: heading,
      heading6: heading,
    },
  };
}
