import { BODY_FIELD, FIELDS_MAP, META_MAP } from '@clausewright/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdateShape, newShadowDoc } from '../../src/collab/checkUpdateShape.ts';
import { typeIntoClause } from '../liveServer.ts';
import { REPO_TEMPLATE_IDS, repoTemplate, templateState } from './templateState.ts';

const STATE = templateState(repoTemplate('software-services-agreement'));

/** The update `edit` makes to a copy of the template, checked against another copy. */
function check(edit: (doc: Y.Doc) => void, state: Uint8Array = STATE) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return checkUpdateShape(newShadowDoc(state), Y.encodeStateAsUpdate(doc, before));
}

const body = (doc: Y.Doc) => doc.getXmlFragment(BODY_FIELD);
const firstClause = (doc: Y.Doc) =>
  body(doc)
    .toArray()
    .find((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.nodeName === 'clause') as Y.XmlElement;

function element(name: string, attributes: Record<string, unknown>, children: (Y.XmlElement | Y.XmlText)[] = []) {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value as string);
  el.insert(0, children);
  return el;
}

const clause = (attributes: Record<string, unknown>, text = 'hello') =>
  element('clause', attributes, [new Y.XmlText(text)]);

describe('checkUpdateShape: what an honest editor sends passes', () => {
  it.each(REPO_TEMPLATE_IDS)('every block, the fields and the meta of template %s as one update', (id) => {
    expect(checkUpdateShape(newShadowDoc(), templateState(repoTemplate(id)))).toEqual({ ok: true, changed: true });
  });

  it.each([
    ['typing in a clause', (doc: Y.Doc) => typeIntoClause(doc, '新增文字')],
    ['bold text', (doc: Y.Doc) => (firstClause(doc).get(0) as Y.XmlText).format(0, 2, { bold: {} })],
    ['a new clause after the first', (doc: Y.Doc) => body(doc).insert(1, [clause({ id: 'fresh_1', level: 2 })])],
    ['a condition', (doc: Y.Doc) => firstClause(doc).setAttribute('if', 'pay_mode=分期')],
    ['deleting a block', (doc: Y.Doc) => body(doc).delete(1, 1)],
    ['a new title', (doc: Y.Doc) => doc.getMap(META_MAP).set('title', '新标题')],
    ['a new field', (doc: Y.Doc) => doc.getMap(FIELDS_MAP).set('fee', { label: '费用', type: 'money' })],
    ['deleting a field', (doc: Y.Doc) => doc.getMap(FIELDS_MAP).delete([...doc.getMap(FIELDS_MAP).keys()][0] ?? '')],
    [
      'a table',
      (doc: Y.Doc) =>
        body(doc).insert(0, [
          element('table', {}, [
            element('tableRow', {}, [
              element('tableHeader', { colspan: 1, rowspan: 1, align: 'left' }, [
                element('paragraph', {}, [new Y.XmlText('甲')]),
              ]),
            ]),
          ]),
        ]),
    ],
    [
      'a field and a reference',
      (doc: Y.Doc) =>
        firstClause(doc).insert(0, [
          element('field', { key: 'amount', filter: 'rmb_upper', textMarks: 'bold' }),
          element('clauseRef', { target: 'c1' }),
          element('hardBreak', {}),
        ]),
    ],
  ])('%s', (_name, edit) => {
    expect(check(edit)).toEqual({ ok: true, changed: true });
  });

  it('leaves documents without template meta alone (they are not templates)', () => {
    expect(check((doc) => doc.getText('t').insert(0, 'anything'), new Uint8Array([0, 0]))).toEqual({
      ok: true,
      changed: true,
    });
  });
});

describe('checkUpdateShape: schema-breaking updates are refused', () => {
  const cases: [string, (doc: Y.Doc) => void, string][] = [
    [
      'a paragraph inside a clause',
      (doc) => firstClause(doc).insert(0, [element('paragraph', {}, [new Y.XmlText('x')])]),
      'node "paragraph" is not allowed in clause',
    ],
    ['a clause without id', (doc) => body(doc).insert(0, [clause({ level: 1 })]), 'clause has no id'],
    ['a clause with a numeric id', (doc) => body(doc).insert(0, [clause({ id: 7 })]), 'clause.id has an invalid value'],
    ['a clause id that is no identifier', (doc) => firstClause(doc).setAttribute('id', '1 <b>'), 'clause.id'],
    ['a level given as a string', (doc) => firstClause(doc).setAttribute('level', '2'), 'clause.level'],
    ['a level out of range', (doc) => firstClause(doc).setAttribute('level', 99 as unknown as string), 'clause.level'],
    ['an unknown attribute', (doc) => firstClause(doc).setAttribute('onclick', 'x()'), 'no attribute "onclick"'],
    ['an unknown node', (doc) => body(doc).insert(0, [element('script', {})]), 'node "script" is not allowed in doc'],
    ['text straight in the body', (doc) => body(doc).insert(0, [new Y.XmlText('loose')]), 'not a block'],
    [
      'a paragraph where a table cell must be',
      (doc) => body(doc).insert(0, [element('table', {}, [element('tableRow', {}, [element('paragraph', {})])])]),
      'node "paragraph" is not allowed in tableRow',
    ],
    [
      'a mark the schema lacks',
      (doc) => (firstClause(doc).get(0) as Y.XmlText).format(0, 2, { link: { href: 'javascript:x' } }),
      'mark "link"',
    ],
    [
      'an embed in text',
      (doc) => (firstClause(doc).get(0) as Y.XmlText).insertEmbed(0, { image: 'x' }),
      'holds an embed',
    ],
    ['a Y.Map inside a clause', (doc) => firstClause(doc).insert(0, [new Y.Map() as never]), 'a Yjs type'],
    ['a number as the title', (doc) => doc.getMap(META_MAP).set('title', 42), 'meta.title'],
    ['meta without its locale', (doc) => doc.getMap(META_MAP).delete('locale'), 'meta has no locale'],
    ['an extra meta key', (doc) => doc.getMap(META_MAP).set('owner', 'mallory'), 'meta has no key "owner"'],
    [
      'a field of an unknown type',
      (doc) => doc.getMap(FIELDS_MAP).set('fee', { label: 'x', type: 'weird' }),
      'field "fee"',
    ],
    [
      'a field key that is no identifier',
      (doc) => doc.getMap(FIELDS_MAP).set('1 x', { label: 'x', type: 'text' }),
      'field key',
    ],
    ['a Yjs type as a field', (doc) => doc.getMap(FIELDS_MAP).set('fee', new Y.Map()), 'is a Yjs type'],
    ['another shared type', (doc) => doc.getText('evil').insert(0, 'x'), 'shared type templates do not have'],
    [
      'nodes nested too deep',
      (doc) => {
        let inner = element('paragraph', {});
        for (let i = 0; i < 8; i++) {
          inner = element('table', {}, [element('tableRow', {}, [element('tableCell', {}, [inner])])]);
        }
        body(doc).insert(0, [inner]);
      },
      'nested deeper',
    ],
  ];
  it.each(cases)('%s', (_name, edit, detail) => {
    const result = check(edit);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('schema');
      expect(result.detail).toContain(detail);
    }
  });

  it('refuses list content under the meta map', () => {
    const doc = new Y.Doc();
    doc.getArray(META_MAP).insert(0, ['x']);
    const result = checkUpdateShape(newShadowDoc(STATE), Y.encodeStateAsUpdate(doc));
    expect(result).toMatchObject({ ok: false, reason: 'schema', detail: 'meta holds list content' });
  });

  it('tells bytes that are no Yjs update and updates with missing dependencies apart', () => {
    expect(checkUpdateShape(newShadowDoc(STATE), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toMatchObject({
      ok: false,
      reason: 'invalid_update',
    });
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'a');
    source.getText('t').insert(1, 'b');
    expect(checkUpdateShape(newShadowDoc(STATE), updates[1] as Uint8Array)).toMatchObject({
      ok: false,
      reason: 'missing_dependencies',
    });
  });
});
