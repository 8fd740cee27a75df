import {
  type Block,
  type Clause,
  eachClause,
  type FieldDef,
  type Inline,
  numberClauses,
  type Template,
} from '@clausewright/model';

/** The input a field gets on the fill form. */
export type FieldControl =
  | 'text'
  | 'textarea'
  | 'integer'
  | 'number'
  | 'money'
  | 'date'
  | 'select'
  | 'radios'
  | 'switch';

/** One input of the fill form. */
export interface FormField {
  key: string;
  def: FieldDef;
  control: FieldControl;
  required: boolean;
}

/**
 * Where a group of inputs sits in the contract: before the clauses (title, parties), in one top-level clause,
 * after the clauses (signatures), or nowhere (fields the body never uses).
 */
export type FormGroupKind = 'front' | 'clause' | 'end' | 'unused';

export interface FormGroup {
  /** `front`, `end`, `unused`, or the top-level clause's id. */
  id: string;
  kind: FormGroupKind;
  /** The clause's label (`第一条`) and the start of its text, for `clause` groups. */
  label?: string;
  title?: string;
  fields: FormField[];
}

/** More choices than this become a select; fewer are radios, all visible at once. */
const MAX_RADIOS = 3;
const TITLE_CHARS = 24;

/** The input for a field definition. */
export function controlFor(def: FieldDef): FieldControl {
  switch (def.type) {
    case 'text':
      return 'text';
    case 'multiline':
      return 'textarea';
    case 'integer':
    case 'number':
    case 'money':
    case 'date':
      return def.type;
    case 'boolean':
      return 'switch';
    case 'choice':
      return (def.options?.length ?? 0) > MAX_RADIOS ? 'select' : 'radios';
  }
}

/**
 * The fill form of a template: its fields in groups, ordered by where each field first appears in the body (a
 * clause's condition counts as appearing in that clause), then the fields the body never uses, in definition order.
 */
export function buildForm(template: Template): FormGroup[] {
  const groups: FormGroup[] = [];
  const placed = new Set<string>();
  const byId = new Map<string, FormGroup>();
  const groupFor = (id: string, make: () => FormGroup): FormGroup => {
    let group = byId.get(id);
    if (!group) {
      group = make();
      byId.set(id, group);
      groups.push(group);
    }
    return group;
  };
  const place = (key: string, group: () => FormGroup) => {
    const def = template.fields[key];
    if (!def || placed.has(key)) return;
    placed.add(key);
    group().fields.push(formField(key, def));
  };

  const numbers = numberClauses(
    template.body.flatMap((b) => (b.type === 'clauses' ? b.clauses : [])),
    template.meta.numbering,
  );
  let seenClauses = false;
  for (const block of template.body) {
    if (block.type === 'clauses') {
      seenClauses = seenClauses || block.clauses.length > 0;
      for (const top of block.clauses) {
        const group = () =>
          groupFor(top.id, () => ({
            id: top.id,
            kind: 'clause',
            label: numbers.get(top.id)?.label ?? '',
            title: clauseTitle(top, template.fields),
            fields: [],
          }));
        for (const clause of eachClause([top])) {
          if (clause.condition) place(clause.condition.field, group);
          for (const key of fieldKeys([clause.content, ...clause.paragraphs])) place(key, group);
        }
      }
    } else {
      const id = seenClauses ? 'end' : 'front';
      const group = () => groupFor(id, () => ({ id, kind: id, fields: [] }));
      for (const key of fieldKeys(blockInlines(block))) place(key, group);
    }
  }
  for (const key of Object.keys(template.fields)) {
    place(key, () => groupFor('unused', () => ({ id: 'unused', kind: 'unused', fields: [] })));
  }
  return groups;
}

function formField(key: string, def: FieldDef): FormField {
  return { key, def, control: controlFor(def), required: def.required === true };
}

function* fieldKeys(runs: Iterable<readonly Inline[]>): Generator<string> {
  for (const run of runs) for (const inline of run) if (inline.type === 'field') yield inline.key;
}

function blockInlines(block: Exclude<Block, { type: 'clauses' }>): Inline[][] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [block.content];
    case 'table':
      return block.rows.flat();
  }
}

/** The first words of a clause, fields shown by their labels: enough to recognise it in the form. */
function clauseTitle(clause: Clause, fields: Record<string, FieldDef>): string {
  let text = '';
  for (const inline of clause.content) {
    if (inline.type === 'text') text += inline.text;
    else if (inline.type === 'field') text += `〔${fields[inline.key]?.label ?? inline.key}〕`;
    if (text.length > TITLE_CHARS) break;
  }
  text = text.trim();
  return text.length > TITLE_CHARS ? `${text.slice(0, TITLE_CHARS)}…` : text;
}
