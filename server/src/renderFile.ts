import { type Problem, resolveTemplate, type Template } from '@clausewright/model';
import { ProblemsError, renderDocx, renderHtml, renderTxt } from '@clausewright/render';
import { markDraft } from './fill/markDraft.ts';
import type { VersionRef } from './storage/DocumentStore.ts';

/** The formats this server renders, in the order the client offers them. */
export const RENDER_FORMATS = ['html', 'txt', 'docx'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** A parsed `POST /api/templates/:id/render` body. */
export interface RenderRequest {
  format: RenderFormat;
  values: Record<string, unknown>;
  /** Refuse to render while any problem remains and record the file as issued, instead of a preview with gaps. */
  strict: boolean;
  /** Preview html only: a whole page instead of an `<article>` fragment (an issued html file is always a page). */
  standalone?: boolean;
  /** Which text to render; absent: the latest published version, else the draft. */
  version?: VersionRef;
  /** Who issues it (a display name); null when not given. */
  by: string | null;
}

/** What is rendered: a template as one version (or the draft) holds it. */
export interface RenderSource {
  template: Template;
  version: VersionRef;
  /** When that version was published (the docx's core-property dates); null for the draft (a fixed date). */
  publishedAt: number | null;
}

export interface RenderedFile {
  contentType: string;
  /** `<title>.<ext>`, safe as a file name on every system. */
  filename: string;
  /** Whether a browser should save the file rather than show it. */
  attachment: boolean;
  body: Uint8Array;
}

export type RenderResult = { ok: true; file: RenderedFile } | { ok: false; problems: Problem[] };

const CONTENT_TYPES: Record<RenderFormat, string> = {
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

// Characters Windows, macOS or Linux refuse in a file name, and controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what it removes
const UNSAFE_IN_FILENAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const MAX_FILENAME_STEM = 120;

/** `<title>.<ext>` with characters no file system accepts replaced, the title cut to 120 characters. */
export function fileNameOf(template: Template, format: RenderFormat): string {
  const stem = [...template.meta.title.replace(UNSAFE_IN_FILENAME, '_').trim()].slice(0, MAX_FILENAME_STEM).join('');
  return `${stem.replace(/^\.+/, '') || template.meta.id}.${format}`;
}

/**
 * Renders one version (or the draft) of a template with values: the same source, values and options always give
 * the same bytes. Strict: every problem instead of a file. The draft's output opens with a "草稿 / DRAFT" line.
 */
export async function renderFile(
  source: RenderSource,
  request: Pick<RenderRequest, 'format' | 'values' | 'strict' | 'standalone'>,
): Promise<RenderResult> {
  const { format } = request;
  const { template } = source;
  let doc = resolveTemplate(template, request.values, { mode: request.strict ? 'strict' : 'draft' });
  if (doc.mode === 'strict' && doc.problems.length > 0) return { ok: false, problems: doc.problems };
  if (source.version === 'draft') doc = markDraft(doc);
  try {
    const body =
      format === 'html'
        ? Buffer.from(renderHtml(doc, { standalone: request.strict || (request.standalone ?? false) }), 'utf8')
        : format === 'txt'
          ? Buffer.from(renderTxt(doc), 'utf8')
          : await renderDocx(doc, source.publishedAt === null ? {} : { createdAt: new Date(source.publishedAt) });
    return {
      ok: true,
      file: {
        contentType: CONTENT_TYPES[format],
        filename: fileNameOf(template, format),
        attachment: request.strict || format === 'docx',
        body,
      },
    };
  } catch (e) {
    if (e instanceof ProblemsError) return { ok: false, problems: e.problems };
    throw e;
  }
}
