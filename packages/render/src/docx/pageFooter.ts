import type { Locale } from '@clausewright/model';
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';

/** The footer every page carries: `第 X 页 共 Y 页` or `Page X of Y`, as PAGE and NUMPAGES fields. */
export function pageFooter(locale: Locale): Footer {
  const children =
    locale === 'zh-CN'
      ? ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页']
      : ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES];
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children, size: 18 })] })],
  });
}
