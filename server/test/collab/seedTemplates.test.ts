import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseTemplate } from '@clausewright/markdown';
import { yDocToTemplate } from '@clausewright/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedTemplates } from '../../src/collab/seedTemplates.ts';
import { SqliteStore } from '../../src/storage/index.ts';
import { REPO_TEMPLATES } from '../startApp.ts';

let dir: string;
let store: SqliteStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-seed-'));
  store = SqliteStore.open(path.join(dir, 'seed.db'));
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const IDS = ['software-development-contract', 'software-services-agreement', 'wechat-miniprogram-service'];

describe('seedTemplates', () => {
  it('imports every repository template once, readable back as the parsed template', async () => {
    const result = await seedTemplates(store, REPO_TEMPLATES);
    expect(result).toEqual({ seeded: IDS, failed: [] });
    for (const id of IDS) {
      const stored = await store.load(id);
      expect(stored).toHaveLength(1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, stored[0] as Uint8Array);
      const source = await readFile(path.join(REPO_TEMPLATES, id, 'template.md'), 'utf8');
      expect(yDocToTemplate(doc)).toEqual(parseTemplate(source, { expectedId: id }));
    }
  });

  it('adds nothing when run again', async () => {
    await seedTemplates(store, REPO_TEMPLATES);
    const before = await store.list();
    const again = await seedTemplates(store, REPO_TEMPLATES);
    expect(again).toEqual({ seeded: [], failed: [] });
    expect(await store.list()).toEqual(before);
  });

  it('leaves a document that already has updates alone', async () => {
    const own = new Y.Doc();
    own.getText('t').insert(0, 'edited');
    await store.append(IDS[0] as string, Y.encodeStateAsUpdate(own));
    const result = await seedTemplates(store, REPO_TEMPLATES);
    expect(result.seeded).toEqual(IDS.slice(1));
    expect(await store.load(IDS[0] as string)).toHaveLength(1);
  });
});
