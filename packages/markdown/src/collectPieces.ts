import type { PhrasingContent } from 'mdast';
import { BOLD, ITALIC, STRIKE } from './marks.ts';
import type { ParseContext } from './ParseContext.ts';
import { joinPieces, readTextNode, type TextPiece } from './TextPiece.ts';

const LINE_BREAK_TAG = /^<br\s*\/?>$/i;

/**
 * Flattens Markdown phrasing content into text pieces carrying their marks, with `null` for each hard break
 * (`\`, two spaces, `<br>`). Everything else (links, images, code, HTML, footnotes) is a problem at its position.
 */
export function collectPieces(nodes: readonly PhrasingContent[], ctx: ParseContext): (TextPiece | null)[] {
  const pieces: (TextPiece | null)[] = [];
  collect(nodes, 0, ctx, pieces);
  return pieces;
}

function collect(nodes: readonly PhrasingContent[], marks: number, ctx: ParseContext, pieces: (TextPiece | null)[]) {
  for (const node of nodes) {
    const at = ctx.base + (node.position?.start.offset ?? 0);
    const problem = (message: string) => ctx.problems.push({ offset: at, message });
    switch (node.type) {
      case 'text': {
        const end = ctx.base + (node.position?.end.offset ?? 0);
        const piece = readTextNode(node.value, ctx.source, at, end, marks);
        const last = pieces[pieces.length - 1];
        if (last && last.marks === marks) pieces[pieces.length - 1] = joinPieces(last, piece);
        else pieces.push(piece);
        break;
      }
      case 'strong':
        collect(node.children, marks | BOLD, ctx, pieces);
        break;
      case 'emphasis':
        collect(node.children, marks | ITALIC, ctx, pieces);
        break;
      case 'delete':
        collect(node.children, marks | STRIKE, ctx, pieces);
        break;
      case 'break':
        pieces.push(null);
        break;
      case 'html':
        if (LINE_BREAK_TAG.test(node.value)) pieces.push(null);
        else problem('HTML is not supported (only <br> for a line break)');
        break;
      case 'inlineCode':
        problem('inline code (`…`) is not supported; write \\` for a literal backtick');
        break;
      case 'link':
      case 'linkReference':
        problem('links are not supported; refer to a clause with [[#clause-id]]');
        break;
      case 'image':
      case 'imageReference':
        problem('images are not supported');
        break;
      case 'footnoteReference':
        problem('footnotes are not supported');
        break;
      default:
        problem(`${(node as { type: string }).type} is not supported`);
    }
  }
}
