import type { FieldType } from '@clausewright/model';
import { type UiLang, uiLang } from './uiLang.ts';

const zh = {
  fields: '字段',
  addField: '添加字段',
  newField: '新建字段…',
  key: '键',
  label: '名称',
  type: '类型',
  required: '必填',
  options: '选项（每行一个）',
  add: '添加',
  cancel: '取消',
  delete: '删除',
  noFilter: '不用格式',
  filter: '格式',
  unknownField: '未定义的字段',
  badFilter: '此格式不适用于该字段类型',
  noFields: '还没有字段。',
  noMatch: '没有匹配项',
  inUse: '字段仍在使用中，不能删除：',
  keyTaken: '键已存在',
  danglingRef: '引用的条款不存在',
  preamble: '正文',
  condition: '条件',
  showIf: '仅当',
  unless: '除非',
  clearCondition: '取消条件',
  noConditionFields: '没有布尔或选项字段可作条件。',
  conditionMenu: '条款条件',
  isTrue: '为是',
  fieldOf: (label: string) => `字段“${label}”`,
  usedIn: (where: string) => `用于 ${where}`,
  condText: (kind: 'if' | 'unless', field: string, equals?: string) =>
    `${kind === 'if' ? '仅当' : '除非'} ${field}${equals === undefined ? '' : ` = ${equals}`}`,
  types: {
    text: '文本',
    multiline: '多行文本',
    integer: '整数',
    number: '数字',
    money: '金额',
    date: '日期',
    boolean: '是/否',
    choice: '选项',
  } satisfies Record<FieldType, string>,
  filters: {
    money: '金额格式',
    rmb_upper: '大写',
    cn_upper: '中文大写',
    cn_lower: '中文小写',
    date_cn: '中文日期',
    date_en: '英文日期',
  } as Record<string, string>,
};

const en: typeof zh = {
  fields: 'Fields',
  addField: 'Add field',
  newField: 'New field…',
  key: 'Key',
  label: 'Label',
  type: 'Type',
  required: 'Required',
  options: 'Options (one per line)',
  add: 'Add',
  cancel: 'Cancel',
  delete: 'Delete',
  noFilter: 'No filter',
  filter: 'Filter',
  unknownField: 'Undefined field',
  badFilter: 'This filter does not apply to the field type',
  noFields: 'No fields yet.',
  noMatch: 'No match',
  inUse: 'The field is still used, so it cannot be deleted:',
  keyTaken: 'Key already exists',
  danglingRef: 'The referenced clause does not exist',
  preamble: 'Body',
  condition: 'Condition',
  showIf: 'Only if',
  unless: 'Unless',
  clearCondition: 'Clear condition',
  noConditionFields: 'No boolean or choice field to use as a condition.',
  conditionMenu: 'Clause condition',
  isTrue: 'is yes',
  fieldOf: (label: string) => `field “${label}”`,
  usedIn: (where: string) => `used in ${where}`,
  condText: (kind: 'if' | 'unless', field: string, equals?: string) =>
    `${kind === 'if' ? 'Only if' : 'Unless'} ${field}${equals === undefined ? '' : ` = ${equals}`}`,
  types: {
    text: 'Text',
    multiline: 'Multi-line text',
    integer: 'Integer',
    number: 'Number',
    money: 'Money',
    date: 'Date',
    boolean: 'Yes/no',
    choice: 'Choice',
  },
  filters: {
    money: 'money',
    rmb_upper: 'RMB in words',
    cn_upper: 'Chinese upper',
    cn_lower: 'Chinese lower',
    date_cn: 'Chinese date',
    date_en: 'English date',
  },
};

/** The UI strings of the fields, references and conditions widgets. */
export type UiText = typeof zh;

const TEXT: Record<UiLang, UiText> = { zh, en };

/** Strings for the given language, or the current one. */
export function uiText(lang: UiLang = uiLang()): UiText {
  return TEXT[lang];
}
