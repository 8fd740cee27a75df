import { BuilderElement, type IRunOptions, NextAttributeComponent, TextRun, XmlComponent } from 'docx';

function fieldChar(type: 'begin' | 'separate' | 'end'): XmlComponent {
  return new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });
}

class InstrText extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(new NextAttributeComponent({ space: { key: 'xml:space', value: 'preserve' } }));
    this.root.push(instruction);
  }
}

/**
 * A cross-reference as Word writes one: a REF field to the target's bookmark whose shown result is `label`.
 * `\n` asks for the paragraph number without context (the label's own pattern, trailing period dropped,
 * i.e. our refLabel), `\h` makes it a link; Word shows `label` until someone updates fields.
 */
export function refField(bookmark: string, label: string, run: IRunOptions = {}): TextRun[] {
  return [
    new TextRun({ ...run, children: [fieldChar('begin')] }),
    new TextRun({ ...run, children: [new InstrText(` REF ${bookmark} \\n \\h `)] }),
    new TextRun({ ...run, children: [fieldChar('separate')] }),
    new TextRun({ ...run, text: label }),
    new TextRun({ ...run, children: [fieldChar('end')] }),
  ];
}
