import type { Template } from '@clausewright/model';
import type { DocumentHub } from '../collab/DocumentHub.ts';
import { HttpError } from '../HttpError.ts';
import { readDraft, templateOfState } from '../readDraft.ts';
import type { RenderSource } from '../renderFile.ts';
import type { VersionRef } from '../storage/DocumentStore.ts';

/** Versions kept decoded; a few dozen templates being filled at once is a busy office. */
const CACHE_SIZE = 64;

interface Decoded {
  template: Template;
  publishedAt: number;
}

/**
 * Which text a render uses, with published versions decoded once: versions never change, so the template a
 * version's state holds is kept by (template, number), least recently used dropped first. The draft is always read
 * live.
 */
export class VersionTemplates {
  readonly #hub: DocumentHub;
  readonly #cache = new Map<string, Decoded>();

  constructor(hub: DocumentHub) {
    this.#hub = hub;
  }

  /**
   * The text of `version` of template `id`: a number is that published version (404 when it has none), `'draft'`
   * the live draft, undefined the latest published version or, when none is published, the draft.
   */
  async source(id: string, version: VersionRef | undefined): Promise<RenderSource> {
    const store = this.#hub.store;
    let number = version;
    if (number === undefined) {
      const latest = (await store.listVersions(id))[0];
      number = latest ? latest.version : 'draft';
    }
    if (number === 'draft') return { template: await readDraft(this.#hub, id), version: 'draft', publishedAt: null };
    const decoded = await this.#version(id, number);
    return { template: decoded.template, version: number, publishedAt: decoded.publishedAt };
  }

  async #version(id: string, number: number): Promise<Decoded> {
    const key = `${id}\u0000${number}`;
    const cached = this.#cache.get(key);
    if (cached) {
      // Re-inserted, so the map's order is least recently used first.
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      return cached;
    }
    const stored = await this.#hub.store.getVersion(id, number);
    if (!stored) {
      if (!(await this.#hub.store.summary(id))) throw new HttpError(404, `no template "${id}"`);
      throw new HttpError(404, `template "${id}" has no version ${number}`);
    }
    const decoded = { template: templateOfState(id, stored.state), publishedAt: stored.createdAt };
    this.#cache.set(key, decoded);
    if (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value as string);
    return decoded;
  }
}
