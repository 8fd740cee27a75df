import type { FieldDef, Problem } from '@clausewright/model';
import { useT } from '../i18n/useT.ts';
import type { FormGroup } from './buildForm.ts';
import { FieldInput } from './FieldInput.tsx';
import { fieldMessage } from './fieldProblems.ts';
import type { FormInput } from './formInput.ts';

interface Props {
  groups: readonly FormGroup[];
  fields: Record<string, FieldDef>;
  input: FormInput;
  /** Problems per field, as the validator gives them. */
  problems: ReadonlyMap<string, readonly Problem[]>;
  /** Whether a field's problems show yet: invalid values always, a missing value once touched or after issuing. */
  shows(key: string, problem: Problem): boolean;
  onChange(key: string, raw: string | boolean): void;
  onFocus(key: string): void;
  onBlur(key: string): void;
}

/** The fill form: a fieldset per part of the contract, in the order the fields first appear. */
export function FillForm({ groups, fields, input, problems, shows, onChange, onFocus, onBlur }: Props) {
  const t = useT();
  return (
    <form className="cw-fill-form" data-testid="fill-form" onSubmit={(e) => e.preventDefault()} noValidate>
      {groups.map((group) => (
        <fieldset key={group.id} className="cw-fill-group" data-group={group.id}>
          <legend>
            {group.kind === 'clause' ? (
              <>
                <span className="cw-fill-group-label">{group.label}</span> {group.title}
              </>
            ) : (
              t(`fill.group.${group.kind}`)
            )}
          </legend>
          {group.fields.map((field) => (
            <FieldInput
              key={field.key}
              field={field}
              raw={input[field.key]}
              problems={(problems.get(field.key) ?? [])
                .filter((p) => shows(field.key, p))
                .map((p) => fieldMessage(p, fields))
                .join('\n')}
              onChange={onChange}
              onFocus={onFocus}
              onBlur={onBlur}
            />
          ))}
        </fieldset>
      ))}
    </form>
  );
}
