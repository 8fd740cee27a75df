export { type ParseTemplateOptions, parseTemplate } from './parseTemplate.ts';
export { serializeTemplate } from './serializeTemplate.ts';
export { type SourceProblem, TemplateSyntaxError } from './TemplateSyntaxError.ts';
