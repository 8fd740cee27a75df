import { type Problem, resolveTemplate, type Template } from '@clausewright/model';
import { ProblemsError, renderDocx, renderHtml, renderTxt } from '@clausewright/render';

/** The formats this server renders, in the order the client offers them. */
export const RENDER_FORMATS = ['html', 'txt', 'docx'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export interface RenderRequest {
  format: RenderFormat;
  values?: Record<string, unknown>;
  /** Refuse to render while any problem remains, instead of printing gaps. */
  strict?: boolean;
  /** html only: a whole page instead of an `<article>` fragment. */
  standalone?: boolean;
}

export interface RenderedFile {
  contentType: string;
  filename: string;
  /** Whether a browser should save the file rather than show it. */
  attachment: boolean;
  body: string | Uint8Array;
}

export type RenderResult = { ok: true; file: RenderedFile } | { ok: false; problems: Problem[] };

const CONTENT_TYPES: Record<RenderFormat, string> = {
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Renders a template with values; in strict mode returns every problem instead of a file. */
export async function renderFile(template: Template, request: RenderRequest): Promise<RenderResult> {
  const { format } = request;
  const doc = resolveTemplate(template, request.values ?? {}, { mode: request.strict ? 'strict' : 'draft' });
  try {
    const body =
      format === 'html'
        ? renderHtml(doc, { standalone: request.standalone ?? false })
        : format === 'txt'
          ? renderTxt(doc)
          : await renderDocx(doc);
    return {
      ok: true,
      file: {
        contentType: CONTENT_TYPES[format],
        filename: `${template.meta.id}.${format}`,
        attachment: format === 'docx',
        body,
      },
    };
  } catch (e) {
    if (e instanceof ProblemsError) return { ok: false, problems: e.problems };
    throw e;
  }
}
