import type { Locale } from '@clausewright/model';
import { AlignmentType, type IStylesOptions } from 'docx';

/** Font size of body text in half-points: 小四 (12 pt) for Chinese contracts, 11 pt for English ones. */
const BODY_SIZE: Record<Locale, number> = { 'zh-CN': 24, en: 22 };

// Word sets CJK characters in the eastAsia font (宋体) and Latin ones in a serif, in both locales:
// Chinese contracts quote English names, English ones Chinese parties.
const FONTS = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' };

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
        run: { font: FONTS, size, language: LANGUAGE },
        paragraph: { spacing: { line: 312, after: 60 } },
      },
      title: {
        run: { bold: true, size: size + 12, font: FONTS },
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
