import type { Block, Clause, FieldDef, Inline, Locale, NumberingScheme, Template, Values } from '@clausewright/model';

/**
 * Inline content from a compact notation: `{{key}}` or `{{key|filter}}` is a field, `[[#id]]` a reference,
 * `**text**` bold, a newline a hard break. Lets fixtures read like the contract they stand for.
 */
export function inl(source: string): Inline[] {
  const out: Inline[] = [];
  const re = /\{\{([\w-]+)(?:\|(\w+))?\}\}|\[\[#([\w-]+)\]\]|\*\*([^*]+)\*\*|\n/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) out.push({ type: 'text', text: source.slice(last, m.index) });
    if (m[1] !== undefined)
      out.push(m[2] === undefined ? { type: 'field', key: m[1] } : { type: 'field', key: m[1], filter: m[2] });
    else if (m[3] !== undefined) out.push({ type: 'ref', target: m[3] });
    else if (m[4] !== undefined) out.push({ type: 'text', text: m[4], marks: ['bold'] });
    else out.push({ type: 'break' });
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push({ type: 'text', text: source.slice(last) });
  return out;
}

/** A clause: `id`, first paragraph, children, and further paragraphs. */
export function cl(id: string, text: string, children: Clause[] = [], paragraphs: string[] = []): Clause {
  return { id, content: inl(text), paragraphs: paragraphs.map(inl), children };
}

export function template(
  meta: { id: string; title: string; locale: Locale; numbering: NumberingScheme },
  fields: Record<string, FieldDef>,
  body: Block[],
): Template {
  return { meta: { schemaVersion: 1, ...meta }, fields, body };
}

const p = (text: string): Block => ({ type: 'paragraph', content: inl(text) });
const h = (level: number, text: string): Block => ({ type: 'heading', level, content: inl(text) });

/**
 * The seed contract (微信小程序服务合同书) built by hand: seven articles, 1-1 … 7-7 and 3-1-1 … 4-3-3,
 * blanks for parties, contacts, term, dates and amounts, a signature table and a letterhead line.
 * Two cross-references are added so the renderer's REF fields are exercised.
 */
export const seedTemplate: Template = template(
  { id: 'wechat-miniprogram-service', title: '微信小程序服务合同书', locale: 'zh-CN', numbering: 'zh-article' },
  {
    contract_no: { label: '合同编号', type: 'text' },
    party_a: { label: '甲方', type: 'text', required: true },
    party_b: { label: '乙方', type: 'text', required: true },
    term_years: { label: '合同期限（年）', type: 'integer', required: true },
    service_years: { label: '服务期限（年）', type: 'integer', required: true },
    start_date: { label: '起始日期', type: 'date', required: true },
    end_date: { label: '结束日期', type: 'date', required: true },
    amount: { label: '合同金额', type: 'money', required: true },
    payment_days: { label: '付款期限（日）', type: 'integer', default: 3 },
    a_contact: { label: '甲方联系人', type: 'text' },
    a_phone: { label: '甲方联系方式', type: 'text' },
    b_manager: { label: '乙方客户经理', type: 'text' },
    b_phone: { label: '乙方联系方式', type: 'text' },
    court_city: { label: '管辖法院所在地', type: 'text', default: '郑州市' },
    a_address: { label: '甲方地址', type: 'text' },
    b_address: { label: '乙方地址', type: 'text' },
  },
  [
    p('合同编号：{{contract_no}}'),
    h(1, '微信小程序服务合同书'),
    p('甲方：{{party_a}}'),
    p('乙方：{{party_b}}'),
    p('甲乙双方在平等自愿的基础上，经友好协商，特此签订微信小程序服务合同，以供双方遵照执行，具体条款（内容）如下：'),
    {
      type: 'clauses',
      clauses: [
        cl('term-payment', '合同期限、金额与支付', [
          cl(
            'term',
            '本合同期限为{{term_years}}年（大写：{{term_years|cn_lower}}年），服务期限{{service_years}}年，自{{start_date}}起，至{{end_date}}结束。',
          ),
          cl(
            'renewal',
            '合同期满双方愿意继续合作的，双方应另行协商并签订相关协议予以确定。如届时乙方对产品体系、名称或价格进行调整的，双方同意按照届时有效的新的产品体系、名称或价格履行。',
          ),
          cl(
            'payment',
            '合同金额共计人民币{{amount}}元（大写：{{amount|rmb_upper}}），在本合同签订后{{payment_days}}日内，甲方将全部款项支付给乙方。乙方保留在甲方未按照约定支付全部费用之前，不向甲方提供相关产品或服务的权利。',
          ),
        ]),
        cl('project', '合同项目', [
          cl(
            'product',
            '本合同中产品是由乙方提供的，基于云计算的微信小程序建设产品，乙方使用该产品为客户提供企业微信小程序建设服务。',
          ),
        ]),
        cl('rights', '双方的基本权利和基本义务', [
          cl('a-rights', '甲方的基本权利和基本义务', [
            cl(
              'a-contact',
              '甲方应派专人负责与乙方联络、协调，以及管理甲方微信小程序，并提供必要的协助，甲方指派的联系人为：{{a_contact}}，联系方式为：{{a_phone}}。甲方认可该联系人与乙方的沟通及成果确认，同时因甲方指派人员的行为或者不作为而产生的结果均由甲方承担。',
            ),
            cl(
              'a-law',
              '甲方保证在使用微信小程序时应当注意符合国家法律规定和社会公共利益，特别地，应当严格遵守《计算机信息网络国际联网安全保护管理办法》《中华人民共和国电信条例》《互联网信息服务管理办法》和国家其他有关法律、法规、行政规章，不得利用微信小程序制作、复制、发布、传播任何法律法规禁止的有害信息。',
            ),
            cl(
              'a-approval',
              '甲方利用本合同内提供的服务进行的经营活动需要获得国家有关部门的认可或批准的，甲方应获得该有关的认可或批准。甲方应对违反本条规定所引起的问题及产生的影响、后果承担全部责任。',
            ),
            cl(
              'a-domain',
              '甲方使用域名接入本合同提供的微信小程序，如需进行备案，由于甲方域名未进行备案而产生的不良后果由甲方承担。',
            ),
            cl(
              'a-manage',
              '甲方在微信小程序整体制作完成后，可自行管理其微信小程序，并通过其微信小程序的管理及设计功能修改风格和相关文字内容，可以利用微信小程序在国际互联网上发布信息，并可以自行决定信息的内容。',
            ),
            cl(
              'a-secrets',
              '甲方对自己在微信小程序上发布的信息、内容，以及管理微信小程序的口令、密码的完整性和保密性负责。因甲方维护不当或保密不当致使上述信息、内容、口令、密码等丢失或泄漏所引起的一切损失和后果均由甲方自行承担。',
            ),
          ]),
          cl('b-rights', '乙方的基本权利和义务', [
            cl(
              'b-contact',
              '乙方将委派指定的客户经理负责与甲方联络、协调，乙方委派的客户经理为：{{b_manager}}，联系方式为：{{b_phone}}。',
            ),
            cl('b-delivery', '乙方保证甲方微信小程序的设计及制作(包括阶段性工作成果)按期交付。'),
            cl('b-stable', '乙方保证甲方微信小程序的正常稳定运行。'),
            cl(
              'b-faults',
              '消除甲方非人为操作所出现的故障，但因甲方原因和/或不可抗力以及非乙方控制范围之内的事项除外。',
            ),
          ]),
        ]),
        cl('termination', '合同终止及责任承担', [
          cl(
            'early-end',
            '在合同有效期间，如果甲方提出终止要求，应提前一个月通知乙方，但甲方已交纳的费用不再返还。甲方擅自终止本合同给乙方造成损害的，应承担相应的责任。',
          ),
          cl(
            'expiry',
            '如果甲乙双方未就续约（见[[#renewal]]）达成协议的，则本合同到期即告终止。乙方届时将关闭甲方的微信小程序。关闭帐号之日起 10 个工作日后，乙方将删除甲方微信小程序的全部内容，由此带来的一切后果由甲方自行负责。',
          ),
          cl('not-breach', '甲方理解，鉴于计算机、互联网的特殊性，下述情况不属于乙方违约：', [
            cl('maintenance', '乙方在进行服务器配置、维护时，需要短时间中断服务；'),
            cl('congestion', '由于 Internet 上的通路阻塞造成甲方微信小程序访问速度下降；'),
            cl('hackers', '因黑客问题、电信部门技术调整和政府管制等引起的事件。'),
          ]),
        ]),
        cl('force-majeure', '不可抗力', [
          cl(
            'fm-exempt',
            '因不可抗力或者其他意外事件，使得本服务条款的履行不可能、不必要或者无意义的，遭受不可抗力、意外事件的一方不承担责任。',
          ),
          cl(
            'fm-define',
            '不可抗力、意外事件是指不能预见、不能克服并不能避免且对一方或双方当事人造成重大影响的客观事件，包括但不限于自然灾害如洪水、地震、瘟疫流行等以及社会事件如战争、动乱、政府行为、电信主干线路中断等。',
          ),
        ]),
        cl('disputes', '争议解决', [
          cl(
            'court',
            '双方当事人对本合同的订立、解释、履行、效力等发生争议的，应友好协商解决；协商不成的，双方同意向本合同签订地{{court_city}}人民法院起诉。',
          ),
        ]),
        cl('other', '其他约定', [
          cl('law', '本合同适用中华人民共和国法律法规和计算机行业的规范。'),
          cl(
            'confidential',
            '任何一方对另一方当事人的商业秘密（包括但不限于经营和技术秘密、源代码、数据库等）均负有保密的义务。',
          ),
          cl(
            'notice',
            '一方变更通知、通讯地址或其他联系方式，应自变更之日起 10 个工作日内，将变更后的地址、联系方式通知另一方，否则变更方应对此造成的一切后果承担责任。',
          ),
          cl(
            'renew-service',
            '甲方微信小程序到期后，甲方续签合同后方可继续享受所有服务，否则乙方有权终止向甲方提供服务。',
          ),
          cl(
            'reminder',
            '乙方会在合同服务到期前一个月提醒甲方进行续费，由于没有及时续费而终止服务而产生的不良后果由甲方负责，[[#payment]]另有约定的除外。',
          ),
          cl('effective', '本合同经双方授权代表签字并盖章后生效。'),
          cl('copies', '本合同一式两份，甲乙双方各执一份，具有同等法律效力。'),
        ]),
      ],
    },
    {
      type: 'table',
      align: [null, null],
      rows: [
        [inl('甲方：{{party_a}}'), inl('乙方：{{party_b}}')],
        [inl('（盖章）'), inl('（盖章）')],
        [inl('地址：{{a_address}}'), inl('地址：{{b_address}}')],
        [inl('联系人：{{a_contact}}'), inl('联系人：{{b_manager}}')],
        [inl('电话：{{a_phone}}'), inl('电话：{{b_phone}}')],
      ],
    },
    p('河南省郑州市高新区中原广告产业园2号楼19楼海腾  电话：0371-63659520'),
  ],
);

export const seedValues: Values = {
  contract_no: 'HT-2024-0815',
  party_a: '郑州某某餐饮管理有限公司',
  party_b: '河南海腾网络科技有限公司',
  term_years: 1,
  service_years: 1,
  start_date: '2024-09-01',
  end_date: '2025-08-31',
  amount: '12800',
  a_contact: '张三',
  a_phone: '13800000000',
  b_manager: '李四',
  b_phone: '0371-63659520',
  a_address: '郑州市金水区某某路1号',
  b_address: '郑州市高新区中原广告产业园2号楼19楼',
};

/** An English contract in `legal-en` numbering: Article 1, Section 1.1, (a), (i). */
export const legalEnTemplate: Template = template(
  { id: 'legal-en-sample', title: 'Services Agreement', locale: 'en', numbering: 'legal-en' },
  {
    client: { label: 'Client', type: 'text', required: true },
    fee: { label: 'Fee', type: 'money' },
    address: { label: 'Address', type: 'multiline' },
  },
  [
    h(1, 'Services Agreement'),
    p('This agreement is made between {{client}} and the Provider.'),
    {
      type: 'clauses',
      clauses: [
        cl('definitions', 'Definitions', [
          cl('def-services', '"Services" means the services described in [[#scope]].', [
            cl('def-a', 'design;', [cl('def-a-i', 'wireframes;'), cl('def-a-ii', 'mock-ups.')]),
            cl('def-b', 'development.'),
          ]),
          cl('def-fee', '"Fee" means {{fee}}.'),
        ]),
        cl('services', 'Services', [
          cl('scope', 'The Provider shall perform the Services.', [], ['Notices go to:\n{{address}}']),
          cl('standard', 'The Services shall be performed with reasonable skill and care, as in [[#def-a-ii]].'),
        ]),
      ],
    },
    {
      type: 'table',
      align: ['left', 'right'],
      rows: [
        [inl('Client: {{client}}'), inl('Provider')],
        [inl('Signature:'), inl('Signature:')],
      ],
    },
  ],
);

/** A `decimal` template: 1., 1.1, 1.1.1. */
export const decimalTemplate: Template = template(
  { id: 'decimal-sample', title: 'Memo', locale: 'en', numbering: 'decimal' },
  {},
  [
    h(1, 'Memo'),
    {
      type: 'clauses',
      clauses: [
        cl('one', 'First.', [cl('one-one', 'Sub.', [cl('one-one-one', 'Deep, see [[#two]].')])]),
        cl('two', 'Second.', [cl('two-one', 'Sub.')]),
      ],
    },
    p('Between the lists.'),
    { type: 'clauses', clauses: [cl('three', 'Third, numbered on from the list above.')] },
  ],
);

/** `articles` level-1 clauses in `zh-article`, each with `sections` children, for labels past 第一百条. */
export function manyArticlesTemplate(articles: number, sections = 1): Template {
  return template({ id: 'many', title: '条款', locale: 'zh-CN', numbering: 'zh-article' }, {}, [
    h(1, '条款'),
    {
      type: 'clauses',
      clauses: Array.from({ length: articles }, (_, a) =>
        cl(
          `a${a + 1}`,
          `第${a + 1}个条款`,
          Array.from({ length: sections }, (_, s) => cl(`a${a + 1}-s${s + 1}`, `内容${a + 1}-${s + 1}`)),
        ),
      ),
    },
  ]);
}

const FILLER = ['甲方应当按照本合同约定', '及时履行相应的义务，并', '配合乙方完成相关工作', '双方另有约定的除外'];

/**
 * A generated contract of `clauses` clauses (articles of nine sections each), each with `paragraphs`
 * paragraphs and `fields` distinct fields spread over them, plus values for every field.
 * The benchmark's 500×3 document.
 */
export function generatedContract(clauses = 500, paragraphs = 3, fields = 5): { template: Template; values: Values } {
  const defs: Record<string, FieldDef> = {};
  const values: Values = {};
  let n = 0;
  const makeClause = (id: string): Clause => {
    const paras: string[] = Array.from({ length: paragraphs }, (_, i) => `${FILLER[i % FILLER.length]}，`);
    for (let f = 0; f < fields; f++) {
      const key = `f_${id}_${f + 1}`;
      defs[key] = { label: `字段 ${key}`, type: 'text' };
      values[key] = `值${id}-${f + 1}`;
      const at = f % paragraphs;
      paras[at] += `内容{{${key}}}${FILLER[(f + 1) % FILLER.length]}`;
    }
    n++;
    const [first = '', ...rest] = paras;
    return cl(
      id,
      `${first}。`,
      [],
      rest.map((text) => `${text}。`),
    );
  };
  const articles: Clause[] = [];
  while (n < clauses) {
    const article = makeClause(`c${n + 1}`);
    for (let s = 0; s < 9 && n < clauses; s++) article.children.push(makeClause(`c${n + 1}`));
    articles.push(article);
  }
  const body: Block[] = [h(1, '生成的合同'), { type: 'clauses', clauses: articles }];
  return {
    template: template({ id: 'generated', title: '生成的合同', locale: 'zh-CN', numbering: 'zh-article' }, defs, body),
    values,
  };
}
