import type { AccountStore, DocumentStore } from '../storage/DocumentStore.ts';

/** Makes `ownerId` the owner of every template nobody has a role on (seeded or made before accounts); resolves their ids. */
export async function claimUnowned(
  store: Pick<DocumentStore, 'summaries'>,
  accounts: AccountStore,
  ownerId: string,
): Promise<string[]> {
  const claimed: string[] = [];
  for (const { docId } of await store.summaries()) {
    if ((await accounts.listMembers(docId)).length > 0) continue;
    await accounts.setRole(docId, ownerId, 'owner');
    claimed.push(docId);
  }
  return claimed;
}
